package io.polygraph.world;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The cursive letter skeletons a writer's hand is built from: for each lower-case letter a few
 * control points of a pen path, from the baseline (y 0) up to the x-height (y 1), with ascenders up
 * to about 2.2 and descenders down to about -0.9.
 *
 * <p>Each writer distorts every template in a way of their own ({@link #letter}), seeded by the
 * writer and the letter, so a letter looks the same each time one writer writes it and different
 * between writers. The templates aim at a handwriting-like texture, not at legibility.
 */
final class LetterShapes {

    // Per letter: advance width | pen path as "x y" points, x as a fraction of the width.
    private static final Map<Character, double[]> TEMPLATES =
            parse(
                    "a 0.9 | 0 .2, .75 .85, .35 1, .05 .45, .35 0, .75 .5, .75 .95, .8 .2, 1 .15",
                    "b 0.8 | 0 .2, .45 1.6, .35 2.2, .15 1.6, .2 .2, .5 0, .8 .5, .55 .9, .3 .6, 1 .6",
                    "c 0.7 | 0 .3, .8 .9, .4 1, .05 .5, .35 0, 1 .2",
                    "d 0.9 | 0 .2, .7 .85, .35 1, .05 .45, .35 0, .7 .5, .8 2.1, .75 .9, .8 .1, 1 .15",
                    "e 0.7 | 0 .3, .7 .7, .45 1, .1 .55, .35 0, 1 .25",
                    "f 0.7 | 0 .3, .5 1.5, .45 2.2, .25 1.5, .3 0, .25 -.9, .1 -.5, .5 .2, 1 .3",
                    "g 0.9 | 0 .2, .75 .85, .35 1, .05 .5, .35 .1, .75 .6, .75 .9, .7 -.8, .3 -.9, .25 -.4, 1 .15",
                    "h 0.9 | 0 .2, .45 1.6, .35 2.2, .15 1.6, .2 0, .35 .7, .65 .95, .75 .4, .8 0, 1 .2",
                    "i 0.4 | 0 .2, .4 1, .35 .2, .55 0, 1 .25",
                    "j 0.5 | 0 .2, .5 1, .5 -.8, .15 -.85, .2 -.3, 1 .3",
                    "k 0.9 | 0 .2, .45 1.6, .35 2.2, .15 1.6, .2 0, .3 .5, .75 .9, .5 .5, .3 .5, .7 .3, 1 .1",
                    "l 0.5 | 0 .2, .7 1.7, .5 2.2, .25 1.7, .3 .2, .55 0, 1 .25",
                    "m 1.3 | 0 0, .15 .9, .25 0, .35 .9, .55 .95, .6 0, .7 .9, .9 .9, .95 0, 1 .15",
                    "n 1.0 | 0 0, .2 .9, .3 0, .45 .9, .75 .9, .8 0, 1 .2",
                    "o 0.8 | 0 .3, .6 .95, .3 1, .05 .5, .35 0, .7 .4, .6 .95, 1 .8",
                    "p 0.9 | 0 .2, .3 .9, .25 -.9, .3 .6, .65 .95, .85 .4, .5 0, .25 .15, 1 .3",
                    "q 0.9 | 0 .2, .75 .85, .35 1, .05 .45, .35 0, .75 .6, .8 -.9, .75 .2, 1 .3",
                    "r 0.7 | 0 .2, .25 .9, .4 .7, .6 .95, .65 .6, .7 0, 1 .25",
                    "s 0.6 | 0 .2, .45 1, .3 .7, .8 .3, .35 0, .15 .15, 1 .3",
                    "t 0.6 | 0 .2, .45 1.7, .3 .1, .55 0, 1 .3",
                    "u 1.0 | 0 .2, .15 .9, .2 .1, .45 0, .7 .9, .7 .2, .85 0, 1 .2",
                    "v 0.8 | 0 .2, .15 .9, .45 0, .8 .9, .65 .8, 1 .8",
                    "w 1.2 | 0 .2, .1 .9, .3 0, .5 .8, .7 0, .9 .9, .8 .8, 1 .8",
                    "x 0.8 | 0 .2, .3 .9, .5 .5, .8 0, .5 .45, .25 .1, .6 .6, .9 .9, 1 .3",
                    "y 0.9 | 0 .2, .15 .9, .3 .05, .7 .9, .6 -.8, .25 -.9, .3 -.4, 1 .2",
                    "z 0.8 | 0 .8, .8 .9, .1 0, .6 .05, .7 -.6, .4 -.7, 1 .2");

    private LetterShapes() {}

    /**
     * A writer's version of a letter, placed at {@code originX}: control points as x, y pairs.
     *
     * @param letter a letter; upper case is drawn as a large version of the lower-case skeleton
     * @param originX where the letter starts
     * @param handSeed the writer's hand, fixing the distortion of each letter
     * @param loopiness how much the writer widens ascender and descender loops, 0-1
     * @param capitalScale height of a capital relative to the x-height
     * @return the letter's points followed by nothing else; {@link #advance} gives its width
     */
    static List<double[]> letter(
            char letter, double originX, long handSeed, double loopiness, double capitalScale) {
        char lower = Character.toLowerCase(letter);
        double[] template = TEMPLATES.getOrDefault(lower, TEMPLATES.get('n'));
        SplittableRandom hand = RandomStreams.of(handSeed, "letter", letter);
        double width = template[0] * hand.nextDouble(0.85, 1.15);
        boolean capital = Character.isUpperCase(letter);
        double scaleX = capital ? 1.5 : 1.0;
        // A capital is as tall as the writer's capitals are, whatever the letter's own height.
        double scaleY = capital ? capitalScale / Math.max(1.0, maxY(template)) : 1.0;
        double loopWidth = 0.6 + 0.8 * loopiness;
        List<double[]> points = new ArrayList<>();
        for (int i = 1; i + 1 < template.length; i += 2) {
            double x = template[i];
            double y = template[i + 1];
            if (y > 1.2 || y < -0.3) {
                x = 0.4 + (x - 0.4) * loopWidth;
            }
            x = originX + (x * width + hand.nextGaussian() * 0.07) * scaleX;
            y = (y + hand.nextGaussian() * 0.07) * scaleY;
            points.add(new double[] {x, y});
        }
        return points;
    }

    /** The width a letter takes, for placing the next one. */
    static double advance(char letter, long handSeed) {
        char lower = Character.toLowerCase(letter);
        double[] template = TEMPLATES.getOrDefault(lower, TEMPLATES.get('n'));
        SplittableRandom hand = RandomStreams.of(handSeed, "letter", letter);
        double width = template[0] * hand.nextDouble(0.85, 1.15);
        return Character.isUpperCase(letter) ? width * 1.5 : width;
    }

    private static double maxY(double[] template) {
        double max = 0;
        for (int i = 2; i < template.length; i += 2) {
            max = Math.max(max, template[i]);
        }
        return max;
    }

    /** Parses {@code "<letter> <width> | <x> <y>, <x> <y>, ..."} lines into the template table. */
    private static Map<Character, double[]> parse(String... lines) {
        Map<Character, double[]> templates = new HashMap<>();
        for (String line : lines) {
            String[] halves = line.substring(2).split("\\|");
            String[] points = halves[1].split(",");
            double[] template = new double[1 + 2 * points.length];
            template[0] = Double.parseDouble(halves[0].trim());
            for (int i = 0; i < points.length; i++) {
                String[] xy = points[i].trim().split(" ");
                template[1 + 2 * i] = Double.parseDouble(xy[0]);
                template[2 + 2 * i] = Double.parseDouble(xy[1]);
            }
            templates.put(line.charAt(0), template);
        }
        return Map.copyOf(templates);
    }
}
