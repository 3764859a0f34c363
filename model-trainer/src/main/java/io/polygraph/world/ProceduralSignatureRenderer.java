package io.polygraph.world;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Renders one sample of a signature: a skeleton written in a style, with this sample's small
 * variations, as a greyscale PNG of dark ink on white paper.
 *
 * <p>Strokes are Catmull-Rom splines through the control points, drawn as cubic Bezier segments
 * each with its own pen width, which gives pressure that swells and fades along the stroke without
 * fonts or outline geometry. The signature is scaled to fill the image, as a capture pad or a
 * scanner crop would. Cost is about a millisecond per image at 220x90.
 */
final class ProceduralSignatureRenderer {

    static final int WIDTH = 220;
    static final int HEIGHT = 90;
    private static final int MARGIN = 6;
    private static final int DENSIFY_WHEN_SHAKY = 3;

    private ProceduralSignatureRenderer() {}

    static SignatureBitmap render(
            SignatureSkeleton skeleton, WriterStyle style, SplittableRandom sample) {
        List<List<double[]>> strokes = skeleton.copyStrokes();
        place(strokes, style, sample);
        if (style.tremor() > 0) {
            strokes.replaceAll(stroke -> shake(densify(stroke), style.tremor(), sample));
        }
        strokes = hesitate(strokes, style.hesitations(), sample);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(new Color(style.ink(), style.ink(), style.ink()));
            fitToImage(strokes);
            double pressure = 1 + 0.05 * sample.nextGaussian();
            for (List<double[]> stroke : strokes) {
                draw(g, stroke, style, pressure, sample.nextDouble(2 * Math.PI));
            }
        } finally {
            g.dispose();
        }
        return new SignatureBitmap(PngCodec.encode(image), WIDTH, HEIGHT);
    }

    /** Applies the style and this sample's deviations: jitter, proportions, slant, drift. */
    private static void place(
            List<List<double[]>> strokes, WriterStyle style, SplittableRandom sample) {
        double scaleX = style.widthScale() * (1 + 0.03 * sample.nextGaussian());
        double scaleY = style.heightScale() * (1 + 0.03 * sample.nextGaussian());
        double slant = style.slant() + 0.03 * sample.nextGaussian();
        double phase = 0.3 * sample.nextGaussian();
        double rotation = 0.02 * sample.nextGaussian();
        double width = 1e-6;
        for (List<double[]> stroke : strokes) {
            for (double[] point : stroke) {
                width = Math.max(width, point[0]);
            }
        }
        for (List<double[]> stroke : strokes) {
            for (double[] point : stroke) {
                double y = (point[1] + style.jitter() * sample.nextGaussian()) * scaleY;
                double x = (point[0] + style.jitter() * sample.nextGaussian()) * scaleX + slant * y;
                y +=
                        style.wobble()
                                * Math.sin(
                                        2 * Math.PI * style.wobbleCycles() * point[0] / width
                                                + phase);
                point[0] = x * Math.cos(rotation) - y * Math.sin(rotation);
                point[1] = x * Math.sin(rotation) + y * Math.cos(rotation);
            }
        }
    }

    /**
     * More points along the same spline, so that tremor shakes the line and not just its corners.
     */
    private static List<double[]> densify(List<double[]> stroke) {
        if (stroke.size() < 2) {
            return stroke;
        }
        List<double[]> dense = new ArrayList<>(stroke.size() * DENSIFY_WHEN_SHAKY);
        for (int i = 0; i + 1 < stroke.size(); i++) {
            for (int k = 0; k < DENSIFY_WHEN_SHAKY; k++) {
                dense.add(CatmullRom.at(stroke, i, k / (double) DENSIFY_WHEN_SHAKY));
            }
        }
        dense.add(stroke.get(stroke.size() - 1).clone());
        return dense;
    }

    private static List<double[]> shake(
            List<double[]> stroke, double tremor, SplittableRandom sample) {
        for (double[] point : stroke) {
            point[0] += tremor * sample.nextGaussian();
            point[1] += tremor * sample.nextGaussian();
        }
        return stroke;
    }

    /** Splits strokes where a hesitant writer lifts the pen, restarting a little off the path. */
    private static List<List<double[]>> hesitate(
            List<List<double[]>> strokes, int lifts, SplittableRandom sample) {
        List<List<double[]>> pieces = new ArrayList<>(strokes);
        for (int lift = 0; lift < lifts; lift++) {
            int longest = 0;
            for (int s = 1; s < pieces.size(); s++) {
                if (pieces.get(s).size() > pieces.get(longest).size()) {
                    longest = s;
                }
            }
            List<double[]> stroke = pieces.get(longest);
            if (stroke.size() < 8) {
                break;
            }
            int cut = 3 + sample.nextInt(stroke.size() - 6);
            List<double[]> head = new ArrayList<>(stroke.subList(0, cut + 1));
            List<double[]> tail = new ArrayList<>();
            double dx = 0.05 * sample.nextGaussian();
            double dy = 0.05 * sample.nextGaussian();
            for (double[] point : stroke.subList(cut, stroke.size())) {
                tail.add(new double[] {point[0] + dx, point[1] + dy});
            }
            pieces.set(longest, head);
            pieces.add(longest + 1, tail);
        }
        return pieces;
    }

    /** Maps x-height units to pixels: uniform scale, centred, y pointing down. */
    private static void fitToImage(List<List<double[]>> strokes) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (List<double[]> stroke : strokes) {
            for (double[] point : stroke) {
                minX = Math.min(minX, point[0]);
                maxX = Math.max(maxX, point[0]);
                minY = Math.min(minY, point[1]);
                maxY = Math.max(maxY, point[1]);
            }
        }
        double spanX = Math.max(1e-6, maxX - minX);
        double spanY = Math.max(1e-6, maxY - minY);
        double scale = Math.min((WIDTH - 2.0 * MARGIN) / spanX, (HEIGHT - 2.0 * MARGIN) / spanY);
        double offsetX = (WIDTH - spanX * scale) / 2;
        double offsetY = (HEIGHT - spanY * scale) / 2;
        for (List<double[]> stroke : strokes) {
            for (double[] point : stroke) {
                point[0] = offsetX + (point[0] - minX) * scale;
                point[1] = HEIGHT - offsetY - (point[1] - minY) * scale;
            }
        }
    }

    private static void draw(
            Graphics2D g,
            List<double[]> stroke,
            WriterStyle style,
            double pressure,
            double rhythmPhase) {
        int segments = stroke.size() - 1;
        if (segments < 1) {
            return;
        }
        double perLetter = style.tremor() > 0 ? 7.0 * DENSIFY_WHEN_SHAKY : 7.0;
        for (int i = 0; i < segments; i++) {
            double swell =
                    1
                            + style.pressureVariation()
                                    * Math.sin(
                                            2 * Math.PI * style.rhythm() * i / perLetter
                                                    + rhythmPhase);
            double taper = Math.min(1.0, 0.45 + 0.3 * Math.min(i, segments - 1 - i));
            float width = (float) Math.max(0.6, style.strokeWidth() * pressure * swell * taper);
            g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(CatmullRom.bezier(stroke, i));
        }
        if (style.hesitations() > 0) {
            // A slow pen leaves a blot where it touches down again.
            double[] start = stroke.get(0);
            double r = style.strokeWidth() * 0.9;
            g.fill(new Ellipse2D.Double(start[0] - r, start[1] - r, 2 * r, 2 * r));
        }
    }

    /** Catmull-Rom splines through control points, evaluated or converted to Bezier segments. */
    private static final class CatmullRom {

        private CatmullRom() {}

        static double[] at(List<double[]> points, int segment, double t) {
            double[] p0 = point(points, segment - 1);
            double[] p1 = point(points, segment);
            double[] p2 = point(points, segment + 1);
            double[] p3 = point(points, segment + 2);
            double[] result = new double[2];
            for (int d = 0; d < 2; d++) {
                result[d] =
                        0.5
                                * (2 * p1[d]
                                        + (-p0[d] + p2[d]) * t
                                        + (2 * p0[d] - 5 * p1[d] + 4 * p2[d] - p3[d]) * t * t
                                        + (-p0[d] + 3 * p1[d] - 3 * p2[d] + p3[d]) * t * t * t);
            }
            return result;
        }

        static CubicCurve2D bezier(List<double[]> points, int segment) {
            double[] p0 = point(points, segment - 1);
            double[] p1 = point(points, segment);
            double[] p2 = point(points, segment + 1);
            double[] p3 = point(points, segment + 2);
            return new CubicCurve2D.Double(
                    p1[0],
                    p1[1],
                    p1[0] + (p2[0] - p0[0]) / 6,
                    p1[1] + (p2[1] - p0[1]) / 6,
                    p2[0] - (p3[0] - p1[0]) / 6,
                    p2[1] - (p3[1] - p1[1]) / 6,
                    p2[0],
                    p2[1]);
        }

        /** The point at an index, clamped to the ends (the spline starts and ends at them). */
        private static double[] point(List<double[]> points, int index) {
            return points.get(Math.max(0, Math.min(points.size() - 1, index)));
        }
    }
}
