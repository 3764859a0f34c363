package io.polygraph.gan.mmoc;

/**
 * How the generator combines its noise {@code z} with its latent code {@code c} in {@code {1..m}}.
 */
public enum CodeInput {
    /**
     * {@code phi_cat(z, c) = concat(z, one_hot(c))}, fed to the first generator layer. Built as
     * {@code z P_z + one_hot(c) P_c} with constant placement matrices (see {@link
     * io.polygraph.train.GraphColumns#selection}), which is the concatenation: SameDiff
     * 1.0.0-M2.1's concat misbehaved in gradients here.
     */
    CONCATENATED,

    /**
     * {@code phi_mix(z, c) = mu_c + sigma_c * z} (DeLiGAN): a learnt Gaussian component per code,
     * with the regulariser {@code L_sigma = lambda sum_{c,i} (1 - sigma_ci)^2 / m} that keeps the
     * spreads from collapsing. Initialised as in DeLiGAN: {@code mu ~ U(-1, 1)}, {@code sigma =
     * 0.2}.
     */
    MIXTURE
}
