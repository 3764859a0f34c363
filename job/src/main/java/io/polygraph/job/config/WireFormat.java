package io.polygraph.job.config;

/**
 * How the values of every topic are framed on the wire ({@link PolygraphOptions#WIRE_FORMAT}).
 *
 * <p>{@link #toString()} is the name a user writes, which Flink also parses.
 */
public enum WireFormat {
    /** Avro single-object encoding: no registry, writer schemas known in advance (the default). */
    SINGLE_OBJECT("single-object"),
    /** The Confluent framing: magic byte, schema id, body; writer schemas from a registry. */
    CONFLUENT("confluent");

    private final String written;

    WireFormat(String written) {
        this.written = written;
    }

    @Override
    public String toString() {
        return written;
    }
}
