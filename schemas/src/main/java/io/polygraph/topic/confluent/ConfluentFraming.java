package io.polygraph.topic.confluent;

import java.nio.ByteBuffer;

/**
 * The Confluent wire format around an Avro binary body: byte 0 is the magic byte {@code 0x00},
 * bytes 1 to 4 the writer schema's registry id (big-endian), then the body encoded with that
 * schema.
 */
public final class ConfluentFraming {

    /** The first byte of every framed value. */
    public static final byte MAGIC_BYTE = 0x0;

    /** Length of the magic byte and the schema id. */
    public static final int HEADER_LENGTH = 5;

    private ConfluentFraming() {}

    /** {@code body} framed with {@code schemaId}. */
    public static byte[] frame(int schemaId, byte[] body) {
        return ByteBuffer.allocate(HEADER_LENGTH + body.length)
                .put(MAGIC_BYTE)
                .putInt(schemaId)
                .put(body)
                .array();
    }

    /**
     * The schema id of a framed value, read from the value's position (left unchanged).
     *
     * @throws NotConfluentFramedException when the value is shorter than the header or does not
     *     start with the magic byte
     */
    public static int schemaId(ByteBuffer value) throws NotConfluentFramedException {
        if (value.remaining() < HEADER_LENGTH) {
            throw new NotConfluentFramedException(
                    "value of "
                            + value.remaining()
                            + " bytes is shorter than the "
                            + HEADER_LENGTH
                            + "-byte Confluent header (magic byte and schema id)");
        }
        byte magic = value.get(value.position());
        if (magic != MAGIC_BYTE) {
            throw new NotConfluentFramedException(
                    String.format(
                            "wrong magic byte 0x%02x (expected 0x00 of the Confluent wire format)",
                            magic & 0xff));
        }
        return value.getInt(value.position() + 1);
    }
}
