package io.polygraph.cuda;

/**
 * An NVIDIA GPU's compute capability, {@code major.minor} (9.0 for an H100), which decides the
 * machine code it runs.
 */
public record ComputeCapability(int major, int minor) implements Comparable<ComputeCapability> {

    public ComputeCapability {
        if (major < 1 || minor < 0 || minor > 9) {
            throw new IllegalArgumentException("not a compute capability: " + major + "." + minor);
        }
    }

    /** Parses {@code "8.6"}. */
    public static ComputeCapability parse(String text) {
        String[] parts = text.trim().split("\\.");
        if (parts.length != 2) {
            throw new IllegalArgumentException("not a compute capability: " + text);
        }
        try {
            return new ComputeCapability(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a compute capability: " + text, e);
        }
    }

    @Override
    public int compareTo(ComputeCapability other) {
        return major != other.major
                ? Integer.compare(major, other.major)
                : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
