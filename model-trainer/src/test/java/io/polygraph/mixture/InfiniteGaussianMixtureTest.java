package io.polygraph.mixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InfiniteGaussianMixtureTest {

    private static final double[][] CENTRES = {{0, 0}, {10, 0}, {0, 10}};
    private static final int PER_CLUSTER = 150;
    private static final MixtureConfig CONFIG =
            MixtureConfig.defaults().withSchedule(40, 20, 5).withSeed(3);

    @Test
    void recoversThreeWellSeparatedClusters() {
        int[] truth = new int[CENTRES.length * PER_CLUSTER];
        double[][] x = blobs(truth, 7);

        InfiniteGaussianMixture mixture = InfiniteGaussianMixture.fit(x, CONFIG);

        assertThat(mixture.clusters()).hasSize(3);
        for (double[] centre : CENTRES) {
            assertThat(mixture.clusters())
                    .anySatisfy(
                            cluster -> {
                                assertThat(cluster.mean()).containsExactly(centre, within(0.15));
                                assertThat(cluster.size()).isEqualTo(PER_CLUSTER);
                                assertThat(cluster.covariance()[0][0]).isBetween(0.25, 0.55);
                                assertThat(cluster.covariance()[0][1]).isBetween(-0.1, 0.1);
                            });
        }
    }

    @Test
    void consensusLabelsAgreeWithTheTruthUpToPermutation() {
        int[] truth = new int[CENTRES.length * PER_CLUSTER];
        double[][] x = blobs(truth, 8);

        int[] labels = LabelConsensus.of(new CollapsedGibbsSampler(centred(x), CONFIG).run());

        int[] labelOfTruth = {-1, -1, -1};
        for (int i = 0; i < x.length; i++) {
            if (labelOfTruth[truth[i]] < 0) {
                labelOfTruth[truth[i]] = labels[i];
            }
            assertThat(labels[i]).as("label of point %d", i).isEqualTo(labelOfTruth[truth[i]]);
        }
        assertThat(labelOfTruth).doesNotHaveDuplicates();
    }

    @Test
    void isDeterministicForASeed() {
        double[][] x = blobs(new int[CENTRES.length * PER_CLUSTER], 9);

        InfiniteGaussianMixture first = InfiniteGaussianMixture.fit(x, CONFIG);
        InfiniteGaussianMixture second = InfiniteGaussianMixture.fit(x, CONFIG);

        assertThat(second.clusters()).hasSameSizeAs(first.clusters());
        for (int k = 0; k < first.clusters().size(); k++) {
            MixtureCluster a = first.clusters().get(k);
            MixtureCluster b = second.clusters().get(k);
            assertThat(b.size()).isEqualTo(a.size());
            assertThat(b.mean()).containsExactly(a.mean());
            assertThat(b.covarianceFactor()).isDeepEqualTo(a.covarianceFactor());
        }
    }

    @Test
    void dropsTinyClustersAndScoresTheirPointsAsFar() {
        double[][] normal = blobs(new int[CENTRES.length * PER_CLUSTER], 10);
        double[][] tiny = gaussian(new double[] {30, 30}, 20, new SplittableRandom(11));
        double[][] x = concat(normal, tiny);

        InfiniteGaussianMixture mixture = InfiniteGaussianMixture.fit(x, CONFIG);

        assertThat(mixture.clusters()).hasSize(3);
        assertThat(mixture.clusters().stream().mapToInt(MixtureCluster::size).sum())
                .isEqualTo(normal.length);
        double worstNormal = Arrays.stream(mixture.score(normal)).max().orElseThrow();
        assertThat(Arrays.stream(mixture.score(tiny)).min().orElseThrow())
                .isGreaterThan(3 * worstNormal);
    }

    @Test
    void keepsTheSmallClusterWhenTheMinimumSizeAllowsIt() {
        double[][] x =
                concat(
                        blobs(new int[CENTRES.length * PER_CLUSTER], 10),
                        gaussian(new double[] {30, 30}, 20, new SplittableRandom(11)));

        InfiniteGaussianMixture mixture =
                InfiniteGaussianMixture.fit(x, CONFIG.withMinClusterSize(10));

        assertThat(mixture.clusters()).hasSize(4);
        assertThat(mixture.clusters().get(3).size()).isEqualTo(20);
    }

    @Test
    void anOutlierScoresHigherThanEveryTrainingPoint() {
        double[][] x = blobs(new int[CENTRES.length * PER_CLUSTER], 12);
        InfiniteGaussianMixture mixture = InfiniteGaussianMixture.fit(x, CONFIG);

        double outlier = mixture.score(new double[] {5, 5});

        assertThat(outlier).isGreaterThan(Arrays.stream(mixture.score(x)).max().orElseThrow());
        assertThat(mixture.score(CENTRES[1])).isLessThan(0.5);
    }

    @Test
    void jsonRoundTripGivesIdenticalScores() throws Exception {
        double[][] x = blobs(new int[CENTRES.length * PER_CLUSTER], 13);
        InfiniteGaussianMixture mixture = InfiniteGaussianMixture.fit(x, CONFIG);
        ObjectMapper mapper = new ObjectMapper();

        InfiniteGaussianMixture read =
                mapper.readValue(mapper.writeValueAsString(mixture), InfiniteGaussianMixture.class);

        double[][] probes = concat(x, new double[][] {{5, 5}, {-40, 3}});
        assertThat(read.score(probes)).containsExactly(mixture.score(probes));
    }

    @Test
    void rejectsBadInputsAndConfigurations() {
        assertThatThrownBy(() -> MixtureConfig.defaults().withSchedule(100, 80, 50))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("burnIn + thinning");
        assertThatThrownBy(() -> new MixtureConfig(0, 20, 7, 1, 500, 300, 50, 50, 0))
                .hasMessageContaining("kappa0");
        assertThatThrownBy(
                        () -> InfiniteGaussianMixture.fit(new double[][] {{1, Double.NaN}}, CONFIG))
                .hasMessageContaining("not finite");
        double[][] few = blobs(new int[CENTRES.length * PER_CLUSTER], 14);
        assertThatThrownBy(() -> InfiniteGaussianMixture.fit(few, CONFIG.withMinClusterSize(1000)))
                .hasMessageContaining("no cluster has more than");
    }

    /** Three round blobs of standard deviation 0.6, near the prior's expected spread. */
    static double[][] blobs(int[] truth, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[truth.length][];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = i % CENTRES.length;
            x[i] = gaussian(CENTRES[truth[i]], 1, random)[0];
        }
        return x;
    }

    private static double[][] gaussian(double[] centre, int rows, SplittableRandom random) {
        double[][] x = new double[rows][];
        for (int i = 0; i < rows; i++) {
            x[i] =
                    new double[] {
                        centre[0] + 0.6 * random.nextGaussian(),
                        centre[1] + 0.6 * random.nextGaussian()
                    };
        }
        return x;
    }

    private static double[][] centred(double[][] x) {
        double[] mean = new double[2];
        for (double[] row : x) {
            mean[0] += row[0] / x.length;
            mean[1] += row[1] / x.length;
        }
        double[][] centred = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            centred[i] = new double[] {x[i][0] - mean[0], x[i][1] - mean[1]};
        }
        return centred;
    }

    private static double[][] concat(double[][] a, double[][] b) {
        double[][] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
