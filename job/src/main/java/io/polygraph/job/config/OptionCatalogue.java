package io.polygraph.job.config;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.description.TextElement;
import org.apache.flink.util.TimeUtils;

/**
 * Every option of {@link PolygraphOptions}, found by reflection so that a new option is listed (in
 * {@code polygraph run --help}) and recognised (by {@link #unknownKeys}) without being registered a
 * second time.
 *
 * <p>Why reject unknown {@code polygraph.*} keys: Flink ignores keys it does not know, so a typo
 * such as {@code polygraph.scoring.batchsize} would silently leave the default in force. Keys under
 * {@link PolygraphOptions#KAFKA_PROPERTIES_PREFIX} are free-form Kafka client properties and every
 * key outside {@code polygraph.} belongs to Flink: neither is checked here.
 */
public final class OptionCatalogue {

    /** Prefix of every Polygraph option key. */
    public static final String PREFIX = "polygraph.";

    /** One option as a person reads it. */
    public record Entry(String key, String defaultValue, String description) {}

    private static final List<ConfigOption<?>> OPTIONS = reflectOptions();

    private OptionCatalogue() {}

    /** The options, sorted by key. */
    public static List<ConfigOption<?>> options() {
        return OPTIONS;
    }

    /** The options as key, default ("(none)" without one) and description, sorted by key. */
    public static List<Entry> entries() {
        return OPTIONS.stream()
                .map(
                        option ->
                                new Entry(
                                        option.key(),
                                        option.hasDefaultValue()
                                                ? asWritten(option.defaultValue())
                                                : "(none)",
                                        plainText(option)))
                .toList();
    }

    /** The keys of {@code config} under {@value #PREFIX} that are not Polygraph options, sorted. */
    public static Set<String> unknownKeys(Configuration config) {
        Set<String> known = OPTIONS.stream().map(ConfigOption::key).collect(Collectors.toSet());
        Set<String> unknown = new TreeSet<>();
        for (String key : config.keySet()) {
            if (key.startsWith(PREFIX)
                    && !key.startsWith(PolygraphOptions.KAFKA_PROPERTIES_PREFIX)
                    && !known.contains(key)) {
                unknown.add(key);
            }
        }
        return unknown;
    }

    /** The known key closest to {@code key} by edit distance, if it is within 3 edits. */
    public static Optional<String> closestKey(String key) {
        return OPTIONS.stream()
                .map(ConfigOption::key)
                .min(Comparator.comparingInt(known -> editDistance(key, known)))
                .filter(known -> editDistance(key, known) <= 3);
    }

    /** A default as a user writes it in a configuration: {@code 7 d}, {@code 0.05;0.15;0.3}. */
    static String asWritten(Object value) {
        if (value instanceof Duration duration) {
            return TimeUtils.formatWithHighestUnit(duration);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(OptionCatalogue::asWritten).collect(Collectors.joining(";"));
        }
        return String.valueOf(value);
    }

    private static String plainText(ConfigOption<?> option) {
        return option.description().getBlocks().stream()
                .map(block -> block instanceof TextElement text ? text.getFormat() : "")
                .collect(Collectors.joining(" "));
    }

    private static List<ConfigOption<?>> reflectOptions() {
        List<ConfigOption<?>> options = new ArrayList<>();
        for (Field field : PolygraphOptions.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers())
                    && ConfigOption.class.isAssignableFrom(field.getType())) {
                try {
                    options.add((ConfigOption<?>) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("public field not readable: " + field, e);
                }
            }
        }
        options.sort(Comparator.comparing(ConfigOption::key));
        return List.copyOf(options);
    }

    /** Levenshtein distance; keys are short, so the quadratic table costs nothing. */
    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
