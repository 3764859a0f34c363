package io.polygraph.eval.report;

import java.util.Locale;

/**
 * Text made safe for HTML, and the number formats of report.html.
 *
 * <p>Contract: {@link #escape} replaces the five characters with a meaning in HTML markup or
 * attribute values, so escaped text can go between tags and inside double- or single-quoted
 * attributes; every caller-supplied string (dataset, detector, label, config) goes through it.
 * Numbers are formatted with {@link Locale#ROOT} so that a report reads the same on every machine.
 */
final class HtmlText {

    private HtmlText() {}

    /** {@code text} with {@code & < > " '} replaced by character references. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** {@code value} with {@code decimals} decimals, "n/a" for NaN. */
    static String number(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
