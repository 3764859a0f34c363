package io.polygraph.detector;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The canvases of recently seen enrolment signatures, kept from one batch to the next.
 *
 * <p>An entity's enrolment signature comes with every one of its records, unchanged until the
 * customer enrols again, so decoding it (inflating the PNG, finding the ink, resampling: about as
 * long as decoding the presented signature) for every record repeats work whose result is already
 * known. Presented signatures are new with each transaction and are not kept. Keyed by the image's
 * bytes, so a re-enrolment is a new key and never reads a stale canvas. At most {@code capacity}
 * canvases are kept (a 12 KiB canvas and a copy of the image's bytes: about 16 KiB each), the least
 * recently used dropped first. One per scorer; not thread-safe.
 */
public final class EnrolmentCanvases {

    /** Canvases kept by a scorer unless told otherwise: about 64 MiB of canvases and images. */
    public static final int DEFAULT_CAPACITY = 4096;

    private final int capacity;
    private final Map<ImageKey, float[]> canvases;
    private long hits;
    private long misses;

    /**
     * @param capacity most canvases kept; 0 keeps none (every enrolment is decoded per batch)
     */
    public EnrolmentCanvases(int capacity) {
        this.capacity = requireCapacity(capacity);
        this.canvases =
                new LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<ImageKey, float[]> eldest) {
                        return size() > EnrolmentCanvases.this.capacity;
                    }
                };
    }

    /**
     * {@code capacity}, if it is one (at least 0), for settings checked before any canvases are
     * made.
     *
     * @throws IllegalArgumentException naming the value otherwise
     */
    public static int requireCapacity(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException(
                    "enrolment canvases kept must be at least 0, was " + capacity);
        }
        return capacity;
    }

    /** Most canvases kept. */
    public int capacity() {
        return capacity;
    }

    /** Canvases kept now. */
    public int size() {
        return canvases.size();
    }

    /** Lookups that found their canvas kept. */
    public long hits() {
        return hits;
    }

    /** Lookups that did not, and so were decoded. */
    public long misses() {
        return misses;
    }

    /** The kept canvas of {@code key}, or null; counts the lookup. */
    float[] get(ImageKey key) {
        float[] canvas = canvases.get(key);
        if (canvas == null) {
            misses++;
        } else {
            hits++;
        }
        return canvas;
    }

    /** Keeps {@code canvas} for {@code key}, dropping the least recently used beyond capacity. */
    void put(ImageKey key, float[] canvas) {
        if (capacity > 0) {
            canvases.put(key.detached(), canvas);
        }
    }
}
