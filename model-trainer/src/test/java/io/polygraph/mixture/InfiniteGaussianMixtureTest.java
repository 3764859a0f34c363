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
        assertThatThrownBy(() -> new MixtureConfig(0, 20, 7, 1, 500, 300, 50, 50, 0, false))
                .hasMessageContaining("kappa0");
        assertThatThrownBy(
                        () -> InfiniteGaussianMixture.fit(new double[][] {{1, Double.NaN}}, CONFIG))
                .hasMessageContaining("not finite");
        double[][] few = blobs(new int[CENTRES.length * PER_CLUSTER], 14);
        assertThatThrownBy(() -> InfiniteGaussianMixture.fit(few, CONFIG.withMinClusterSize(1000)))
                .hasMessageContaining("no cluster has more than");
    }

    @Test
    void inUnitsOfTheDataSpreadFindsTheClustersOfAShrunkenCloud() {
        // The blobs shrunk a hundredfold, like an encoder's codes that spread far less than the
        // prior's N(0, I): in the data's units, the prior's expected cluster (s / 19 per
        // variance, 0.05 at s = 1) is wider than the whole cloud (about 0.002).
        double[][] x = scaled(blobs(new int[CENTRES.length * PER_CLUSTER], 12), 0.01, 0.01);
        MixtureConfig config = CONFIG.withPriorScale(1);

        InfiniteGaussianMixture inDataUnits = InfiniteGaussianMixture.fit(x, config);
        InfiniteGaussianMixture inSpreadUnits =
                InfiniteGaussianMixture.fit(x, config.withScaleToUnitVariance(true));

        assertThat(inDataUnits.clusters()).hasSize(1);
        assertThat(inSpreadUnits.clusters()).hasSize(3);
        for (double[] centre : CENTRES) {
            double[] shrunk = {centre[0] * 0.01, centre[1] * 0.01};
            assertThat(inSpreadUnits.clusters())
                    .anySatisfy(
                            cluster -> {
                                assertThat(cluster.mean()).containsExactly(shrunk, within(0.0015));
                                assertThat(cluster.size()).isEqualTo(PER_CLUSTER);
                            });
        }
    }

    @Test
    void scalingToUnitVarianceScoresAsAFitOnStandardisedRows() {
        // Columns of very different spread, so that a wrong mapping back would show.
        double[][] x = scaled(blobs(new int[CENTRES.length * PER_CLUSTER], 13), 0.05, 40);
        double[][] standardised = standardised(x);

        InfiniteGaussianMixture scaled =
                InfiniteGaussianMixture.fit(x, CONFIG.withScaleToUnitVariance(true));
        InfiniteGaussianMixture onStandardised = InfiniteGaussianMixture.fit(standardised, CONFIG);

        assertThat(scaled.clusters()).hasSameSizeAs(onStandardised.clusters());
        for (int i = 0; i < x.length; i++) {
            assertThat(scaled.score(x[i]))
                    .as("row %d", i)
                    .isCloseTo(onStandardised.score(standardised[i]), within(1e-6));
        }
        double[] outlier = {x[0][0] + 1, x[0][1] - 500};
        double[] outlierStandardised = standardised(x, outlier);
        assertThat(scaled.score(outlier))
                .isCloseTo(onStandardised.score(outlierStandardised), within(1e-6));
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

    private static double[][] scaled(double[][] x, double first, double second) {
        double[][] scaled = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            scaled[i] = new double[] {x[i][0] * first, x[i][1] * second};
        }
        return scaled;
    }

    private static double[][] standardised(double[][] x) {
        double[][] standardised = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            standardised[i] = standardised(x, x[i]);
        }
        return standardised;
    }

    /** {@code row} in units of the columns' standard deviations about their means in {@code x}. */
    private static double[] standardised(double[][] x, double[] row) {
        double[] result = new double[2];
        for (int j = 0; j < 2; j++) {
            double mean = 0;
            for (double[] r : x) {
                mean += r[j] / x.length;
            }
            double variance = 0;
            for (double[] r : x) {
                variance += (r[j] - mean) * (r[j] - mean) / x.length;
            }
            result[j] = (row[j] - mean) / Math.sqrt(variance);
        }
        return result;
    }

    private static double[][] concat(double[][] a, double[][] b) {
        double[][] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
