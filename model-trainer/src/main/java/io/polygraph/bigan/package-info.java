/**
 * The {@code igmm-bigan} detector type: IGMM-BiGAN's latent mixture scoring transaction records.
 *
 * <p>Why a package apart from {@link io.polygraph.gan.bigan}: that one trains and scores IGMM-BiGAN
 * on plain feature vectors and knows nothing of records or snapshots. This one names the snapshot
 * type and its network; {@link io.polygraph.detector.RowModelDetector} turns a record into the
 * autoencoder's concatenated row ({@link io.polygraph.autoencoder.ConcatenatedRows}) and puts the
 * IGMM score (minimum Mahalanobis distance of {@code E(x)} to the kept clusters) on the scale every
 * Polygraph detector shares. The trainer is {@code io.polygraph.train.BiganDetectorTrainer}.
 */
package io.polygraph.bigan;
