package io.polygraph.train;

/** Range checks of configuration values, with messages that name the value. */
public final class ConfigChecks {

    private ConfigChecks() {}

    public static void atLeast(String name, long value, long minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(
                    name + " must be at least " + minimum + ", was " + value);
        }
    }

    public static void open(String name, double value, double low, double high) {
        if (!(value > low && value < high)) {
            throw new IllegalArgumentException(
                    name + " must be in (" + low + ", " + high + "), was " + value);
        }
    }

    public static void closed(String name, double value, double low, double high) {
        if (!(value >= low && value <= high)) {
            throw new IllegalArgumentException(
                    name + " must be in [" + low + ", " + high + "], was " + value);
        }
    }
}
