/**
 * The {@code mmoc} detector type: MMOC-GAN's discriminator scoring transaction records.
 *
 * <p>Why a package apart from {@link io.polygraph.gan.mmoc}: that one trains and scores MMOC-GAN on
 * plain feature vectors and knows nothing of records or snapshots. This one names the snapshot type
 * and its network; {@link io.polygraph.detector.RowModelDetector} turns a record into the
 * autoencoder's concatenated row ({@link io.polygraph.autoencoder.ConcatenatedRows}) and puts the
 * discriminator's {@code 1 - P(real)} on the scale every Polygraph detector shares. The trainer is
 * {@code io.polygraph.train.MmocDetectorTrainer}.
 */
package io.polygraph.mmoc;
