package io.polygraph.world;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The pen path of a signature, before any per-sample variation: strokes of control points in
 * x-height units, baseline at y 0.
 *
 * <p>A skeleton is what a forger copies from a genuine signature; how it is rendered (slant,
 * proportions, pressure, tremor) is the writer's or the forger's own {@link WriterStyle}.
 *
 * @param strokes pen-down paths, each a list of {x, y} control points
 */
record SignatureSkeleton(List<List<double[]>> strokes) {

    SignatureSkeleton {
        strokes = List.copyOf(strokes);
    }

    /**
     * Drafts a writer's signature of a name: an optional separate initial, then the surname in one
     * cursive stroke whose letters trail off into a wave after the legible ones, perhaps with a
     * final underline sweep.
     */
    static SignatureSkeleton draft(
            String givenName,
            String surname,
            boolean initialFirst,
            long handSeed,
            WriterStyle style) {
        SplittableRandom hand = RandomStreams.of(handSeed, "layout", 0);
        double capitalScale = hand.nextDouble(1.6, 2.6);
        double spacing = hand.nextDouble(0.0, 0.25);
        List<List<double[]>> strokes = new ArrayList<>();
        double x = 0;
        if (initialFirst) {
            char initial = Character.toUpperCase(givenName.charAt(0));
            strokes.add(LetterShapes.letter(initial, x, handSeed, style.loopiness(), capitalScale));
            x += LetterShapes.advance(initial, handSeed) + 0.3 + spacing;
        }
        List<double[]> main = new ArrayList<>();
        for (int k = 0; k < surname.length(); k++) {
            char letter = k == 0 ? Character.toUpperCase(surname.charAt(0)) : surname.charAt(k);
            List<double[]> points =
                    LetterShapes.letter(letter, x, handSeed, style.loopiness(), capitalScale);
            if (k >= style.legibleLetters()) {
                points.forEach(point -> point[1] = 0.3 + (point[1] - 0.3) * 0.35);
            }
            main.addAll(points);
            x += LetterShapes.advance(letter, handSeed) + spacing;
        }
        if (style.flourish()) {
            double start = main.get(0)[0];
            main.add(new double[] {x + 0.2, 0.0});
            main.add(new double[] {x - 0.3 * (x - start), -0.55});
            main.add(new double[] {start + 0.5 * (x - start) * hand.nextDouble(0.2, 1), -0.5});
            main.add(new double[] {start, -0.25 - 0.3 * hand.nextDouble()});
        }
        strokes.add(main);
        return new SignatureSkeleton(strokes);
    }

    /** A deep copy, so that a renderer can move points without touching the writer's skeleton. */
    List<List<double[]>> copyStrokes() {
        List<List<double[]>> copy = new ArrayList<>(strokes.size());
        for (List<double[]> stroke : strokes) {
            List<double[]> points = new ArrayList<>(stroke.size());
            stroke.forEach(point -> points.add(point.clone()));
            copy.add(points);
        }
        return copy;
    }
}
