/**
 * IGMM-BiGAN over feature vectors: a bidirectional GAN (encoder, generator, and a discriminator on
 * (data, latent) pairs) with a reconstruction term, and an infinite Gaussian mixture fitted to the
 * encoded normal rows; a row's anomaly score is the minimum Mahalanobis distance of its code to the
 * mixture's kept clusters.
 *
 * <p>Entry points: {@link io.polygraph.gan.bigan.BiganTrainer} trains a {@link
 * io.polygraph.gan.bigan.BiganModel} from a {@link io.polygraph.gan.bigan.BiganConfig}; the model
 * also gives the protocol's two baselines in the same latent space (EGBAD's score and one
 * Gaussian's Mahalanobis distance) and saves and loads itself as one stream. Built on the shared
 * adversarial plumbing of {@link io.polygraph.gan} and on {@link
 * io.polygraph.mixture.InfiniteGaussianMixture}; plain library code, nothing of Flink.
 */
package io.polygraph.gan.bigan;
