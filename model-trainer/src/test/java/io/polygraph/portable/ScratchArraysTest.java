package io.polygraph.portable;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a thread's runs of a graph keep between them: two sizes per step, within a budget. */
class ScratchArraysTest {

    @Test
    void aStepGetsBackTheArrayOfASizeItHadBefore() {
        ScratchArrays scratch = new ScratchArrays(2);

        float[] first = scratch.take(0, 10);

        assertThat(scratch.take(0, 10)).isSameAs(first);
        assertThat(scratch.take(1, 10)).isNotSameAs(first);
    }

    @Test
    void eachStepKeepsItsTwoMostRecentlyUsedSizes() {
        ScratchArrays scratch = new ScratchArrays(1);
        float[] ten = scratch.take(0, 10);
        float[] twenty = scratch.take(0, 20);

        assertThat(scratch.take(0, 10)).isSameAs(ten);
        float[] thirty = scratch.take(0, 30);

        // 30 replaced 20, the size used longest ago; 10 stays.
        assertThat(scratch.keptFloats()).isEqualTo(10 + 30);
        assertThat(scratch.take(0, 10)).isSameAs(ten);
        assertThat(scratch.take(0, 30)).isSameAs(thirty);
        assertThat(scratch.take(0, 20)).isNotSameAs(twenty);
    }

    @Test
    void arraysBeyondTheBudgetAreHandedOutButNotKept() {
        ScratchArrays scratch = new ScratchArrays(2);
        float[] most = scratch.take(0, ScratchArrays.MAX_KEPT_FLOATS - 5);

        float[] over = scratch.take(1, 6);

        assertThat(over).hasSize(6);
        assertThat(scratch.take(1, 6)).isNotSameAs(over);
        assertThat(scratch.take(0, ScratchArrays.MAX_KEPT_FLOATS - 5)).isSameAs(most);
        assertThat(scratch.keptFloats()).isEqualTo(ScratchArrays.MAX_KEPT_FLOATS - 5);
    }
}
