package io.polygraph.job;

import java.nio.ByteBuffer;

/**
 * Copies the bytes of Avro {@code bytes} fields, which Avro hands out as {@link ByteBuffer}s.
 *
 * <p>Reads through a duplicate so that the record's buffer position is never moved: a record read
 * twice (a retry, a second consumer of the same object) must see the same bytes.
 */
public final class ByteArrays {

    private ByteArrays() {}

    /** The remaining bytes of {@code buffer}, or null when {@code buffer} is null. */
    public static byte[] copyOf(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        ByteBuffer view = buffer.duplicate();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        return bytes;
    }

    /** A buffer over {@code bytes}, or null when {@code bytes} is null. */
    public static ByteBuffer wrap(byte[] bytes) {
        return bytes == null ? null : ByteBuffer.wrap(bytes);
    }
}
