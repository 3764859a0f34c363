package io.polygraph.eval.run;

import io.polygraph.train.AutoencoderConfig;
import java.util.List;
import java.util.Objects;

/**
 * The settings of the baseline detectors of {@link WorldBaselineExperiment}.
 *
 * <p>Small on purpose: the baselines are references, not contenders to tune, and one seed of all of
 * them must run in about two minutes on two cores at the default world size. The autoencoders' own
 * seeds are replaced by each run's seed. Every autoencoder trains the same number of epochs.
 * Example: {@code BaselineConfig.defaults().withEpochs(2)} for a quick test.
 *
 * @param tabular autoencoder of the profile-only and transaction-only detectors
 * @param signature autoencoder of the presented-signature-only detector (3,072 pixels wide)
 * @param concatenated autoencoder of all features concatenated
 * @param epochs training epochs of every autoencoder
 * @param pcaVarianceShare share of the training variance the PCA components must explain
 * @param pcaMaxComponents the most PCA components kept, whatever the share
 */
public record BaselineConfig(
        AutoencoderConfig tabular,
        AutoencoderConfig signature,
        AutoencoderConfig concatenated,
        int epochs,
        double pcaVarianceShare,
        int pcaMaxComponents) {

    public BaselineConfig {
        Objects.requireNonNull(tabular, "tabular");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(concatenated, "concatenated");
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1: " + epochs);
        }
        if (!(pcaVarianceShare > 0 && pcaVarianceShare <= 1)) {
            throw new IllegalArgumentException(
                    "pcaVarianceShare must be in (0, 1]: " + pcaVarianceShare);
        }
        if (pcaMaxComponents < 1) {
            throw new IllegalArgumentException(
                    "pcaMaxComponents must be >= 1: " + pcaMaxComponents);
        }
    }

    /**
     * Tabular {@code d -> 64 -> 8}, signature {@code 3072 -> 256 -> 64 -> 16}, concatenated {@code
     * d -> 128 -> 16}; Adam 1e-3, no dropout, L2 1e-5; batches of 128 rows for the tabular and
     * concatenated ones (18,000 rows an epoch) and 64 for the signature one (about 1,800); 20
     * epochs; PCA to 90 % of the variance, at most 64 components.
     */
    public static BaselineConfig defaults() {
        return new BaselineConfig(
                new AutoencoderConfig(List.of(64), 8, 128, 1e-3, 0.0, 1e-5, 0),
                new AutoencoderConfig(List.of(256, 64), 16, 64, 1e-3, 0.0, 1e-5, 0),
                new AutoencoderConfig(List.of(128), 16, 128, 1e-3, 0.0, 1e-5, 0),
                20,
                0.9,
                64);
    }

    /** This configuration with another number of epochs. */
    public BaselineConfig withEpochs(int value) {
        return new BaselineConfig(
                tabular, signature, concatenated, value, pcaVarianceShare, pcaMaxComponents);
    }
}
