package io.polygraph.deploy.cli;

import io.polygraph.gan.bigan.BiganConfig;
import io.polygraph.gan.mmoc.MmocConfig;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options of {@code --detector mmoc} and {@code --detector igmm-bigan} beyond epochs and alert
 * rate: Adam's step, MMOC-GAN's number of latent codes, and the IGMM-BiGAN mixture's smallest kept
 * cluster, prior scale and its units. Unset options keep the detector's defaults.
 */
final class GanOptions {

    @Option(
            names = "--learning-rate",
            paramLabel = "RATE",
            description =
                    "mmoc, igmm-bigan: Adam's step size for every network (default: 1e-3 for"
                            + " mmoc, 1e-5 for igmm-bigan, which learns slowly at that step).")
    Double learningRate;

    @Option(
            names = "--codes",
            paramLabel = "M",
            description = "mmoc: number of latent codes m of the generator (default: 10).")
    Integer codes;

    @Option(
            names = "--mixture-min-cluster-size",
            paramLabel = "N",
            description =
                    "igmm-bigan: mixture clusters of at most N training records are dropped"
                            + " (default: 50; lower it for small training worlds).")
    Integer minClusterSize;

    @Option(
            names = "--mixture-prior-scale",
            paramLabel = "S",
            description = "igmm-bigan: s in the mixture prior's scale matrix s * I (default: 7).")
    Double priorScale;

    @Option(
            names = "--mixture-unit-variance",
            description =
                    "igmm-bigan: state the mixture prior in units of each latent column's standard"
                            + " deviation, for an encoder whose codes are far from the N(0, I)"
                            + " scale that s is meant for (default: the codes' own units).")
    boolean unitVariance;

    /** Rejects options given for a detector they do not configure, and impossible values. */
    void validate(CommandLine command, boolean mmoc, boolean bigan) {
        if (learningRate != null && !mmoc && !bigan) {
            throw new ParameterException(
                    command, "--learning-rate is for --detector mmoc or igmm-bigan");
        }
        if (codes != null && !mmoc) {
            throw new ParameterException(command, "--codes is for --detector mmoc");
        }
        if ((minClusterSize != null || priorScale != null || unitVariance) && !bigan) {
            throw new ParameterException(
                    command, "--mixture-* options are for --detector igmm-bigan");
        }
        if (learningRate != null && !(learningRate > 0 && learningRate < 1)) {
            throw new ParameterException(command, "--learning-rate must be above 0 and below 1");
        }
        if (codes != null && codes < 1) {
            throw new ParameterException(command, "--codes must be at least 1");
        }
        if (minClusterSize != null && minClusterSize < 0) {
            throw new ParameterException(command, "--mixture-min-cluster-size must be at least 0");
        }
        if (priorScale != null && !(priorScale > 0)) {
            throw new ParameterException(command, "--mixture-prior-scale must be above 0");
        }
    }

    /** {@code gan} with the options given. */
    MmocConfig apply(MmocConfig gan) {
        var builder = gan.toBuilder();
        if (learningRate != null) {
            builder.learningRate(learningRate);
        }
        if (codes != null) {
            builder.codes(codes);
        }
        return builder.build();
    }

    /** {@code gan} with the options given. */
    BiganConfig apply(BiganConfig gan) {
        var builder = gan.toBuilder();
        if (learningRate != null) {
            builder.learningRate(learningRate);
        }
        var mixture = gan.mixture();
        if (minClusterSize != null) {
            mixture = mixture.withMinClusterSize(minClusterSize);
        }
        if (priorScale != null) {
            mixture = mixture.withPriorScale(priorScale);
        }
        if (unitVariance) {
            mixture = mixture.withScaleToUnitVariance(true);
        }
        return builder.mixture(mixture).build();
    }
}
