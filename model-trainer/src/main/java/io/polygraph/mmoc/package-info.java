/**
 * The {@code mmoc} detector type: MMOC-GAN's discriminator scoring transaction records.
 *
 * <p>Why a package apart from {@link io.polygraph.gan.mmoc}: that one trains and scores MMOC-GAN on
 * plain feature vectors and knows nothing of records, snapshots or the common score scale; this one
 * turns a record into the autoencoder's concatenated row ({@link
 * io.polygraph.autoencoder.ConcatenatedRows}), puts the discriminator's {@code 1 - P(real)} on the
 * scale every Polygraph detector shares, and reads and writes the snapshot, as {@link
 * io.polygraph.autoencoder} does for the reconstruction autoencoder. The trainer is {@code
 * io.polygraph.train.MmocDetectorTrainer}.
 */
package io.polygraph.mmoc;
