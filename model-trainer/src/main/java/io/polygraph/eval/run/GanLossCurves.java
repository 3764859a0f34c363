package io.polygraph.eval.run;

import io.polygraph.eval.report.LossCurve;
import io.polygraph.gan.bigan.BiganTraining;
import io.polygraph.gan.mmoc.MmocTraining;
import java.util.List;

/**
 * The loss curves of the GAN detectors' players, one per player, for a report's {@link
 * io.polygraph.eval.report.SeedRun}.
 *
 * <p>Why not the training listener's: {@link io.polygraph.gan.AlternatingTraining} reports only the
 * first player's running mean (the discriminator's) as progress, so an {@link EpochLossRecorder}
 * would show one curve under the trainer's progress name and hide the generator. The training
 * results keep every player's epoch means; these are read from them.
 */
final class GanLossCurves {

    /** Curve of the discriminator, in both GANs. */
    static final String DISCRIMINATOR = "discriminator loss";

    /** Curve of MMOC-GAN's complementary generator. */
    static final String GENERATOR = "generator loss";

    /** Curve of MMOC-GAN's target network (the density estimate trained before the GAN). */
    static final String TARGET = "target network loss";

    /**
     * Curve of IGMM-BiGAN's encoder and generator: they are one player, stepped together on one
     * loss ({@code L_EG}), so there is no separate encoder curve to show.
     */
    static final String ENCODER_GENERATOR = "encoder/generator loss";

    private GanLossCurves() {}

    /** Discriminator, generator and target network of an MMOC-GAN run. */
    static List<LossCurve> of(MmocTraining training) {
        return List.of(
                LossCurve.perEpoch(DISCRIMINATOR, training.discriminatorLosses()),
                LossCurve.perEpoch(GENERATOR, training.generatorLosses()),
                LossCurve.perEpoch(TARGET, training.targetLosses()));
    }

    /** Discriminator and encoder/generator of an IGMM-BiGAN run. */
    static List<LossCurve> of(BiganTraining training) {
        return List.of(
                LossCurve.perEpoch(DISCRIMINATOR, training.discriminatorLosses()),
                LossCurve.perEpoch(ENCODER_GENERATOR, training.encoderGeneratorLosses()));
    }
}
