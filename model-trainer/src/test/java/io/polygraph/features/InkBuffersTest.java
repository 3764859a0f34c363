package io.polygraph.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class InkBuffersTest {

    @Test
    void aThreadGetsItsLargestBufferBackForAnySmallerSize() {
        float[] first = InkBuffers.ofThisThread(1_000);
        float[] larger = InkBuffers.ofThisThread(5_000);

        assertThat(first).hasSizeGreaterThanOrEqualTo(1_000);
        assertThat(larger).hasSizeGreaterThanOrEqualTo(5_000);
        assertThat(InkBuffers.ofThisThread(10)).isSameAs(larger);
        assertThat(InkBuffers.ofThisThread(5_000)).isSameAs(larger);
    }

    @Test
    void aBufferAboveTheLimitIsHandedOutButNotKept() {
        float[] kept = InkBuffers.ofThisThread(2_000);
        float[] huge = InkBuffers.ofThisThread(InkBuffers.MAX_KEPT_FLOATS + 1);

        assertThat(huge).hasSize(InkBuffers.MAX_KEPT_FLOATS + 1);
        assertThat(InkBuffers.ofThisThread(2_000)).isSameAs(kept);
    }

    @Test
    void threadsDoNotShareBuffers() throws Exception {
        float[] mine = InkBuffers.ofThisThread(3_000);

        float[] theirs = CompletableFuture.supplyAsync(() -> InkBuffers.ofThisThread(3_000)).get();

        assertThat(theirs).isNotSameAs(mine);
    }
}
