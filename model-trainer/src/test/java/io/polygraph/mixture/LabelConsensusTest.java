package io.polygraph.mixture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabelConsensusTest {

    @Test
    void permutedLabelsOfTheSameClusteringAgree() {
        int[] last = {0, 0, 1, 1, 2, 2};
        int[] permuted = {2, 2, 0, 0, 1, 1};

        int[] consensus = LabelConsensus.of(List.of(permuted, permuted, last));

        assertThat(consensus).containsExactly(0, 0, 1, 1, 2, 2);
    }

    @Test
    void eachPointTakesItsMostFrequentAlignedLabel() {
        // Point 2 sits with the first cluster in two of three samples (labels switched in the
        // first), point 5 is in a cluster of its own only in the last sample.
        int[] first = {1, 1, 1, 0, 0, 0};
        int[] second = {0, 0, 0, 1, 1, 1};
        int[] last = {0, 0, 1, 1, 1, 2};

        int[] consensus = LabelConsensus.of(List.of(first, second, last));

        assertThat(consensus).containsExactly(0, 0, 0, 1, 1, 1);
    }

    @Test
    void aClusterWithoutPartnerInTheReferenceGetsAFreshLabel() {
        int[] sample = {0, 0, 1, 1, 2, 2};
        int[] reference = {0, 0, 1, 1, 1, 1};

        int[] mapping = LabelConsensus.alignment(sample, reference, 2);

        assertThat(mapping[0]).isEqualTo(0);
        assertThat(new int[] {mapping[1], mapping[2]}).containsExactlyInAnyOrder(1, 2);
    }
}
