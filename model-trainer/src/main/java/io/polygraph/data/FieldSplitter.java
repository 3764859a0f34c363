package io.polygraph.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of comma-separated values into fields, honouring quotes.
 *
 * <p>Contract: fields are separated by commas outside quotes; an unquoted field is trimmed, a
 * quoted one is kept exactly, and only blanks may stand between a closing quote and the next comma.
 * {@link #CSV} quotes with {@code "} and escapes a quote by doubling it (RFC 4180); {@link #ARFF}
 * quotes with {@code '} or {@code "}, escapes with a backslash and ends the line at a {@code %}
 * outside quotes. A quoted field cannot span lines (an unterminated quote is an error): multi-line
 * values do not occur in numeric tables, and supporting them would break the one-line-one-row error
 * coordinates.
 */
final class FieldSplitter {

    /** A field's text, and whether it was quoted (a quoted {@code ?} is a value, not missing). */
    record Field(String text, boolean quoted) {}

    static final FieldSplitter CSV = new FieldSplitter("\"", false, (char) 0);
    static final FieldSplitter ARFF = new FieldSplitter("'\"", true, '%');

    private final String quotes;
    private final boolean backslashEscapes;
    private final char comment;

    private FieldSplitter(String quotes, boolean backslashEscapes, char comment) {
        this.quotes = quotes;
        this.backslashEscapes = backslashEscapes;
        this.comment = comment;
    }

    /** The fields of {@code text}, a part of {@code line} used for error messages. */
    List<Field> split(SourceLine line, String text) throws IOException {
        List<Field> fields = new ArrayList<>();
        int at = 0;
        while (true) {
            at = skipBlanks(text, at);
            Field field;
            if (at < text.length() && quotes.indexOf(text.charAt(at)) >= 0) {
                StringBuilder value = new StringBuilder();
                at = skipBlanks(text, quoted(line, text, at, value));
                field = new Field(value.toString(), true);
            } else {
                int end = at;
                while (end < text.length() && text.charAt(end) != ',' && !isComment(text, end)) {
                    end++;
                }
                field = new Field(text.substring(at, end).trim(), false);
                at = end;
            }
            fields.add(field);
            if (at >= text.length() || isComment(text, at)) {
                return fields;
            }
            if (text.charAt(at) != ',') {
                throw line.error("unexpected '" + text.charAt(at) + "' after a closing quote");
            }
            at++;
        }
    }

    /** Where {@code text} starts its comment, or its length when it has none. */
    int commentStart(String text) {
        char open = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (open != 0) {
                if (backslashEscapes && c == '\\') {
                    i++;
                } else if (c == open) {
                    open = 0;
                }
            } else if (quotes.indexOf(c) >= 0) {
                open = c;
            } else if (isComment(text, i)) {
                return i;
            }
        }
        return text.length();
    }

    /**
     * Reads the quoted field opening at {@code start} into {@code value}; returns the next index.
     */
    private int quoted(SourceLine line, String text, int start, StringBuilder value)
            throws IOException {
        char quote = text.charAt(start);
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (backslashEscapes && c == '\\' && i + 1 < text.length()) {
                value.append(text.charAt(i + 1));
                i += 2;
            } else if (c == quote
                    && !backslashEscapes
                    && i + 1 < text.length()
                    && text.charAt(i + 1) == quote) {
                value.append(quote);
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                value.append(c);
                i++;
            }
        }
        throw line.error("unterminated " + quote + " quote");
    }

    private boolean isComment(String text, int at) {
        return comment != 0 && text.charAt(at) == comment;
    }

    private static int skipBlanks(String text, int at) {
        while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
            at++;
        }
        return at;
    }
}
