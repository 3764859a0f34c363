package io.polygraph.train;

import io.polygraph.features.SignatureInk;
import java.util.SplittableRandom;

/**
 * Makes skilled-forgery-like negatives from a genuine signature: the same letters, written with
 * another hand.
 *
 * <p>Why: the negatives of Eq. 8 for signatures would otherwise only be other writers' signatures,
 * which differ in their letters; a network trained on those alone learns to compare letters and
 * accepts a skilled forgery, which copies them. What a forger cannot copy well is how the hand
 * moves: slant, proportions, pen pressure (stroke width), fluency (tremor, pen lifts). A synthetic
 * forgery changes at least two of these by more than a writer varies between samples (a few
 * percent): slant by 0.08 to 0.35, width by 8 to 25 %, stroke width by dilation or erosion, a
 * smooth tremor of about a pixel, and a few pen lifts. {@link #vary} applies the same resampling
 * with within-writer strengths to positives, so that resampling blur alone cannot give a forgery
 * away. Deterministic for a given stream; allocation only, no shared state.
 */
final class SyntheticForgery {

    private SyntheticForgery() {}

    /** A synthetic skilled forgery of {@code genuine}. */
    static SignatureInk forge(SignatureInk genuine, SplittableRandom random) {
        boolean slant = random.nextDouble() < 0.7;
        boolean width = random.nextDouble() < 0.6;
        boolean stroke = random.nextDouble() < 0.7;
        boolean tremor = random.nextDouble() < 0.5;
        if (!slant && !width && !stroke) {
            slant = true;
        }
        double shear = slant ? signed(random, 0.08, 0.35) : 0.03 * random.nextGaussian();
        double scaleX = width ? Math.exp(signed(random, 0.08, 0.22)) : 1.0;
        double amplitude = tremor ? random.nextDouble(0.3, 0.8) : 0.0;
        SignatureInk forged = warp(genuine, shear, scaleX, amplitude, random);
        if (stroke) {
            forged =
                    random.nextDouble() < 0.6
                            ? StrokeMorphology.thicken(forged, random.nextDouble(0.5, 1.0))
                            : StrokeMorphology.thin(forged, random.nextDouble(0.3, 0.7));
        }
        if (random.nextDouble() < 0.4) {
            forged = StrokeMorphology.liftPen(forged, 1 + random.nextInt(3), random);
        }
        if (random.nextDouble() < 0.5) {
            forged = StrokeMorphology.reink(forged, Math.exp(signed(random, 0.1, 0.4)));
        }
        return forged;
    }

    /** A genuine-looking variant of {@code genuine}: the variation of one writer's samples. */
    static SignatureInk vary(SignatureInk genuine, SplittableRandom random) {
        return warp(
                genuine,
                0.025 * random.nextGaussian(),
                Math.exp(0.025 * random.nextGaussian()),
                0.0,
                random);
    }

    /**
     * Shears by {@code shear} (x += shear * y, y up), stretches x by {@code scaleX} and adds a
     * smooth tremor of {@code amplitude} pixels, by inverse mapping with bilinear sampling into a
     * canvas large enough to hold the result.
     */
    static SignatureInk warp(
            SignatureInk source,
            double shear,
            double scaleX,
            double amplitude,
            SplittableRandom random) {
        int height = source.height();
        int width = (int) Math.ceil(source.width() * scaleX + Math.abs(shear) * height) + 2;
        double offset = shear < 0 ? -shear * height : 0;
        double wave = random.nextDouble(8, 20);
        double phaseX = random.nextDouble(2 * Math.PI);
        double phaseY = random.nextDouble(2 * Math.PI);
        float[] out = new float[width * height];
        for (int y = 0; y < height; y++) {
            // Image rows grow downwards; slant is measured upwards from the baseline.
            double lean = shear * (height - 1 - y);
            for (int x = 0; x < width; x++) {
                double sx = (x - offset - lean - 1) / scaleX;
                double sy = y;
                if (amplitude > 0) {
                    sx += amplitude * Math.sin(2 * Math.PI * y / wave + phaseX);
                    sy += amplitude * Math.sin(2 * Math.PI * x / wave + phaseY);
                }
                out[y * width + x] = bilinear(source, sx, sy);
            }
        }
        return new SignatureInk(width, height, out);
    }

    private static float bilinear(SignatureInk source, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        float fx = (float) (x - x0);
        float fy = (float) (y - y0);
        float top = source.at(x0, y0) * (1 - fx) + source.at(x0 + 1, y0) * fx;
        float bottom = source.at(x0, y0 + 1) * (1 - fx) + source.at(x0 + 1, y0 + 1) * fx;
        return top * (1 - fy) + bottom * fy;
    }

    private static double signed(SplittableRandom random, double low, double high) {
        double magnitude = random.nextDouble(low, high);
        return random.nextBoolean() ? magnitude : -magnitude;
    }
}
