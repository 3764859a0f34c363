package io.polygraph.eval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polygraph.eval.LabelledScores;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScoreHistogramTest {

    @Test
    void binsEveryRecordPerLabelOverSharedEdges() {
        LabelledScores scores =
                LabelledScores.of(
                        new double[] {0, 1, 2, 3, 4, 4},
                        List.of("NORMAL", "NORMAL", "NORMAL", "OUTLIER", "OUTLIER", "NORMAL"),
                        Set.of("OUTLIER"));

        ScoreHistogram histogram = ScoreHistogram.of(scores, 4);

        assertThat(histogram.binEdges()).containsExactly(0.0, 1.0, 2.0, 3.0, 4.0);
        // [0,1) [1,2) [2,3) [3,4]: the highest score falls in the last bin.
        assertThat(histogram.counts())
                .containsEntry("NORMAL", List.of(1L, 1L, 1L, 1L))
                .containsEntry("OUTLIER", List.of(0L, 0L, 0L, 2L));
    }

    @Test
    void tiedScoresStillGetABin() {
        LabelledScores scores =
                LabelledScores.of(new double[] {2, 2}, List.of("NORMAL", "NORMAL"), Set.of("X"));

        ScoreHistogram histogram = ScoreHistogram.of(scores, 2);

        assertThat(histogram.binEdges()).containsExactly(1.5, 2.0, 2.5);
        assertThat(histogram.total("NORMAL")).isEqualTo(2);
    }

    @Test
    void rejectsCountsThatDoNotMatchTheEdges() {
        assertThatThrownBy(
                        () ->
                                new ScoreHistogram(
                                        List.of(0.0, 1.0), Map.of("NORMAL", List.of(1L, 2L))))
                .hasMessageContaining("NORMAL");
    }
}
