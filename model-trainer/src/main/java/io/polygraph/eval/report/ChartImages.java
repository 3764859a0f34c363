package io.polygraph.eval.report;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Gives the report's line charts their common look and renders charts to PNG {@code data:} URIs, so
 * that report.html needs no files beside it.
 *
 * <p>Contract: rendering needs AWT but no display. {@link #preferHeadless()} sets {@code
 * java.awt.headless=true} unless the property was already chosen; it takes effect only if it runs
 * before the JVM's first AWT use, which is why {@link ReportHtmlWriter} calls it from its static
 * initialiser. A JVM that already initialised AWT with a display still renders fine; one without a
 * display that was not made headless fails with {@code HeadlessException}, and the fix is {@code
 * -Djava.awt.headless=true}.
 *
 * <p>Trade-off: PNG rather than SVG because the project keeps XChart's vector encoders out of the
 * build; at 640x420 a chart is some 20-40 KB of base64.
 */
final class ChartImages {

    static final int WIDTH = 640;
    static final int HEIGHT = 420;

    /**
     * The Okabe-Ito colours, told apart also by colour-blind readers; XChart's default yellow is
     * nearly invisible on white, so yellow comes last here.
     */
    private static final Color[] PALETTE = {
        new Color(0x0072B2),
        new Color(0xE69F00),
        new Color(0x009E73),
        new Color(0xD55E00),
        new Color(0xCC79A7),
        new Color(0x56B4E9),
        new Color(0x000000),
        new Color(0xF0E442)
    };

    private ChartImages() {}

    /** Asks AWT for headless mode unless someone already decided. */
    static void preferHeadless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** An empty line chart of the report's size, white, with the report's palette. */
    static XYChart lineChart(String title, String xTitle, String yTitle) {
        XYChart chart =
                new XYChartBuilder()
                        .width(WIDTH)
                        .height(HEIGHT)
                        .title(title)
                        .xAxisTitle(xTitle)
                        .yAxisTitle(yTitle)
                        .build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE).setSeriesColors(PALETTE);
        return chart;
    }

    /** The chart as a {@code data:image/png;base64,...} URI. */
    static String pngDataUri(Chart<?, ?> chart) {
        try {
            byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
        } catch (IOException e) {
            throw new UncheckedIOException("chart '" + chart.getTitle() + "' cannot be encoded", e);
        }
    }
}
