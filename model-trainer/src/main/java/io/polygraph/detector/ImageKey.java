package io.polygraph.detector;

import java.nio.ByteBuffer;

/**
 * A signature image's bytes as a map key, their hash worked out once: a {@link ByteBuffer} hashes
 * all its bytes on every call, a few kilobytes per signature, and a lookup and an insertion would
 * hash them twice.
 */
final class ImageKey {

    private final ByteBuffer bytes;
    private final int hash;

    private ImageKey(ByteBuffer bytes, int hash) {
        this.bytes = bytes;
        this.hash = hash;
    }

    /** A key over {@code bytes}' remaining bytes, which it reads through a view of its own. */
    static ImageKey of(ByteBuffer bytes) {
        ByteBuffer view = bytes.duplicate();
        return new ImageKey(view, view.hashCode());
    }

    /**
     * The same key over a copy of just its bytes, for keeping beyond the record: the record's
     * buffer may be a window on a larger array, which a long-lived key would keep alive.
     */
    ImageKey detached() {
        byte[] copy = new byte[bytes.remaining()];
        bytes.duplicate().get(copy);
        return new ImageKey(ByteBuffer.wrap(copy), hash);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ImageKey key && hash == key.hash && bytes.equals(key.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
