package io.polygraph.eval.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StratifiedSplitTest {

    private static final List<String> LABELS = labels(100, 9, 2, 1);

    @Test
    void eachLabelKeepsItsShareInTheTestPart() {
        StratifiedSplit split = StratifiedSplit.of(LABELS, 0.3, 7);

        assertThat(count(split.test(), "n")).isEqualTo(30);
        assertThat(count(split.test(), "a")).isEqualTo(3);
        assertThat(count(split.test(), "b")).isEqualTo(1);
        // A label's single row goes where rounding puts it: 0.3 rounds to none.
        assertThat(count(split.test(), "c")).isZero();
    }

    @Test
    void aLabelOfTwoOrMoreRowsHasRowsInBothParts() {
        List<String> labels = labels(10, 2, 0, 0);
        StratifiedSplit split = StratifiedSplit.of(labels, 0.05, 1);

        assertThat(count(labels, split.test(), "n")).isEqualTo(1);
        assertThat(count(labels, split.test(), "a")).isEqualTo(1);
        assertThat(count(labels, split.training(), "a")).isEqualTo(1);
    }

    @Test
    void thePartsCoverEveryRowOnceInAscendingOrder() {
        StratifiedSplit split = StratifiedSplit.of(LABELS, 0.5, 3);

        List<Integer> all = new ArrayList<>();
        IntStream.of(split.training()).forEach(all::add);
        IntStream.of(split.test()).forEach(all::add);
        assertThat(all)
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.range(0, LABELS.size()).boxed().toList());
        assertThat(split.test()).isSorted();
        assertThat(split.training()).isSorted();
    }

    @Test
    void theSeedChoosesTheRowsButNotHowMany() {
        StratifiedSplit one = StratifiedSplit.of(LABELS, 0.5, 1);
        StratifiedSplit again = StratifiedSplit.of(LABELS, 0.5, 1);
        StratifiedSplit other = StratifiedSplit.of(LABELS, 0.5, 2);

        assertThat(again.test()).isEqualTo(one.test());
        assertThat(other.test()).hasSameSizeAs(one.test()).isNotEqualTo(one.test());
    }

    @Test
    void theTestShareMustLeaveBothParts() {
        assertThatThrownBy(() -> StratifiedSplit.of(LABELS, 1.0, 1)).hasMessageContaining("(0, 1)");
    }

    private static long count(int[] rows, String label) {
        return count(LABELS, rows, label);
    }

    private static long count(List<String> labels, int[] rows, String label) {
        return IntStream.of(rows).filter(i -> labels.get(i).equals(label)).count();
    }

    private static List<String> labels(int n, int a, int b, int c) {
        List<String> labels = new ArrayList<>(Collections.nCopies(n, "n"));
        labels.addAll(Collections.nCopies(a, "a"));
        labels.addAll(Collections.nCopies(b, "b"));
        labels.addAll(Collections.nCopies(c, "c"));
        Collections.shuffle(labels, new java.util.Random(5));
        return labels;
    }
}
