/**
 * The {@code igmm-bigan} detector type: IGMM-BiGAN's latent mixture scoring transaction records.
 *
 * <p>Why a package apart from {@link io.polygraph.gan.bigan}: that one trains and scores IGMM-BiGAN
 * on plain feature vectors and knows nothing of records, snapshots or the common score scale; this
 * one turns a record into the autoencoder's concatenated row ({@link
 * io.polygraph.autoencoder.ConcatenatedRows}), puts the IGMM score (minimum Mahalanobis distance of
 * {@code E(x)} to the kept clusters) on the scale every Polygraph detector shares ({@link
 * io.polygraph.detector.RawScoreCalibration}, as {@link io.polygraph.mmoc} does), and reads and
 * writes the snapshot. The trainer is {@code io.polygraph.train.BiganDetectorTrainer}.
 */
package io.polygraph.bigan;
