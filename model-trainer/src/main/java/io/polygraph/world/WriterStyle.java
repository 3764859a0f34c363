package io.polygraph.world;

import java.util.SplittableRandom;

/**
 * How a hand moves the pen: the traits that make one writer's signatures recognisable and a
 * forger's imitation give itself away.
 *
 * <p>Genuine writers have a consistent slant, proportions and pressure rhythm and vary little from
 * sample to sample ({@code jitter}). Forgers copy the letters but bring part of their own slant and
 * proportions, press more evenly, and write slowly: more tremor and hesitations (pen lifts).
 * Lengths are in units of the x-height, widths in pixels of the final image.
 *
 * @param slant horizontal shift per unit of height (positive leans right)
 * @param widthScale horizontal stretch of the letters
 * @param heightScale vertical stretch of the letters
 * @param strokeWidth mean pen width in pixels (pressure)
 * @param pressureVariation relative swing of the pen width along a stroke, 0-1
 * @param rhythm pressure cycles per letter
 * @param loopiness how wide ascender and descender loops are, 0-1
 * @param wobble amplitude of the baseline's drift, in x-heights
 * @param wobbleCycles number of baseline drift cycles across the signature
 * @param jitter per-sample deviation of each control point, in x-heights
 * @param tremor high-frequency shake along the stroke, in x-heights
 * @param hesitations number of pen lifts per signature
 * @param ink grey level of the ink, 0 (black) to 255
 * @param flourish whether the signature ends in an underline sweep
 * @param legibleLetters letters written in full before the rest trails off into a wave
 */
record WriterStyle(
        double slant,
        double widthScale,
        double heightScale,
        double strokeWidth,
        double pressureVariation,
        double rhythm,
        double loopiness,
        double wobble,
        double wobbleCycles,
        double jitter,
        double tremor,
        int hesitations,
        int ink,
        boolean flourish,
        int legibleLetters) {

    /** A genuine writer's style. */
    static WriterStyle genuine(SplittableRandom random) {
        return new WriterStyle(
                random.nextDouble(-0.15, 0.55),
                random.nextDouble(0.75, 1.35),
                random.nextDouble(0.8, 1.3),
                random.nextDouble(1.3, 2.8),
                random.nextDouble(0.15, 0.6),
                random.nextDouble(0.5, 1.5),
                random.nextDouble(),
                random.nextDouble(0.0, 0.18),
                random.nextDouble(0.5, 2.0),
                random.nextDouble(0.02, 0.04),
                0.0,
                0,
                random.nextInt(10, 70),
                random.nextDouble() < 0.5,
                random.nextInt(3, 9));
    }

    /**
     * A forger imitating {@code victim}: a skill-weighted blend of the victim's visible traits and
     * the forger's own, with the forger's even pressure, slowness and tremor.
     */
    static WriterStyle forger(WriterStyle victim, SplittableRandom random) {
        WriterStyle own = genuine(random);
        double skill = random.nextDouble(0.2, 0.6);
        return new WriterStyle(
                blend(own.slant, victim.slant, skill),
                blend(own.widthScale, victim.widthScale, skill),
                blend(own.heightScale, victim.heightScale, skill),
                own.strokeWidth * 1.15,
                own.pressureVariation * 0.4,
                own.rhythm,
                victim.loopiness,
                own.wobble,
                own.wobbleCycles,
                random.nextDouble(0.05, 0.08),
                random.nextDouble(0.015, 0.04),
                1 + random.nextInt(3),
                own.ink,
                victim.flourish,
                victim.legibleLetters);
    }

    private static double blend(double own, double imitated, double skill) {
        return own + (imitated - own) * skill;
    }
}
