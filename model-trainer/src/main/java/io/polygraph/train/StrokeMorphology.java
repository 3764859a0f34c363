package io.polygraph.train;

import io.polygraph.features.SignatureInk;
import java.util.SplittableRandom;

/**
 * Changes the pen of a signature ink map: thicker or thinner strokes (pressure) and pen lifts
 * (hesitation). Used by {@link SyntheticForgery}.
 */
final class StrokeMorphology {

    private StrokeMorphology() {}

    /** Blends each pixel towards the maximum of its 3x3 neighbourhood by {@code amount} (0-1). */
    static SignatureInk thicken(SignatureInk source, double amount) {
        return blendWithNeighbourhood(source, amount, true);
    }

    /** Blends each pixel towards the minimum of its 3x3 neighbourhood by {@code amount} (0-1). */
    static SignatureInk thin(SignatureInk source, double amount) {
        return blendWithNeighbourhood(source, amount, false);
    }

    /** Another pen: every ink level times {@code factor}, capped at black. */
    static SignatureInk reink(SignatureInk source, double factor) {
        float[] ink = source.ink().clone();
        for (int i = 0; i < ink.length; i++) {
            ink[i] = (float) Math.min(1.0, ink[i] * factor);
        }
        return new SignatureInk(source.width(), source.height(), ink);
    }

    /** Erases {@code lifts} small discs of ink, as a hesitating forger lifts the pen. */
    static SignatureInk liftPen(SignatureInk source, int lifts, SplittableRandom random) {
        float[] ink = source.ink().clone();
        int width = source.width();
        for (int lift = 0; lift < lifts; lift++) {
            int centre = inkedPixel(source, random);
            if (centre < 0) {
                break;
            }
            int cx = centre % width;
            int cy = centre / width;
            double radius = random.nextDouble(1.5, 3.0);
            int r = (int) Math.ceil(radius);
            for (int y = Math.max(0, cy - r); y <= Math.min(source.height() - 1, cy + r); y++) {
                for (int x = Math.max(0, cx - r); x <= Math.min(width - 1, cx + r); x++) {
                    if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius) {
                        ink[y * width + x] = 0f;
                    }
                }
            }
        }
        return new SignatureInk(width, source.height(), ink);
    }

    private static SignatureInk blendWithNeighbourhood(
            SignatureInk source, double amount, boolean maximum) {
        int width = source.width();
        int height = source.height();
        float[] out = new float[width * height];
        float weight = (float) amount;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float own = source.at(x, y);
                float extreme = own;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        float neighbour = source.at(x + dx, y + dy);
                        extreme =
                                maximum
                                        ? Math.max(extreme, neighbour)
                                        : Math.min(extreme, neighbour);
                    }
                }
                out[y * width + x] = own + weight * (extreme - own);
            }
        }
        return new SignatureInk(width, height, out);
    }

    /** A random pixel with clear ink, or -1 when a few tries find none. */
    private static int inkedPixel(SignatureInk source, SplittableRandom random) {
        float[] ink = source.ink();
        for (int attempt = 0; attempt < 200; attempt++) {
            int index = random.nextInt(ink.length);
            if (ink[index] > 0.5f) {
                return index;
            }
        }
        return -1;
    }
}
