package io.polygraph.unsupervised;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NormalSubsetSelectionTest {

    @Test
    void dropsASparseHighVarianceClusterPlantedAmongTightOnes() {
        // Four tight clusters of 100 rows (std 0.3) and one sparse cluster of 40 rows (std 3).
        SplittableRandom random = new SplittableRandom(21);
        double[][] centres = {{0, 0}, {20, 0}, {0, 20}, {20, 20}, {-30, -30}};
        double[][] x = new double[440][];
        boolean[] sparse = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            int c = i < 400 ? i % 4 : 4;
            sparse[i] = c == 4;
            double std = sparse[i] ? 3.0 : 0.3;
            x[i] =
                    new double[] {
                        centres[c][0] + std * random.nextGaussian(),
                        centres[c][1] + std * random.nextGaussian()
                    };
        }

        NormalSubsetSelection.Selection selection =
                new NormalSubsetSelection(GaussianMixture.Options.of(5, 3)).select(x, 20);

        boolean[] selected = selection.selected();
        for (int i = 0; i < x.length; i++) {
            assertThat(selected[i]).as("row %d (sparse: %s)", i, sparse[i]).isEqualTo(!sparse[i]);
        }
        assertThat(selection.selectedCount()).isEqualTo(400);
    }

    @Test
    void keepsClustersAtOrBelowTheInterpolatedPercentile() {
        double[] variances = {4, 1, 3, 2, Double.NaN, 5};

        // numpy.percentile([1, 2, 3, 4, 5], 70) == 3.8: the NaN (singleton) cluster takes no part.
        assertThat(NormalSubsetSelection.percentile(variances, 70)).isCloseTo(3.8, within(1e-12));
        assertThat(NormalSubsetSelection.percentile(variances, 100)).isEqualTo(5);
        assertThat(NormalSubsetSelection.percentile(variances, 0)).isEqualTo(1);
    }

    @Test
    void clusterVarianceIsTheMeanPerColumnVarianceOfItsMembers() {
        double[][] points = {{0, 0}, {2, 0}, {0, 4}, {0, 8}, {9, 9}};
        int[] clusters = {0, 0, 1, 1, 2};

        double[] variances = NormalSubsetSelection.clusterVariances(points, clusters, 3);

        // Cluster 0: column variances 1 and 0; cluster 1: 0 and 4; cluster 2 is a singleton.
        assertThat(variances[0]).isCloseTo(0.5, within(1e-12));
        assertThat(variances[1]).isCloseTo(2.0, within(1e-12));
        assertThat(variances[2]).isNaN();
    }
}
