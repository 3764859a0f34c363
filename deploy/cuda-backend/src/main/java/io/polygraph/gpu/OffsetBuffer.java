package io.polygraph.gpu;

import org.bytedeco.javacpp.FloatPointer;

/** A view of another buffer from some value on, for kernels and products over part of a batch. */
final class OffsetBuffer extends DeviceBuffer {

    private final DeviceBuffer whole;
    private final long offsetFloats;

    OffsetBuffer(DeviceBuffer whole, long offsetFloats) {
        this.whole = whole;
        this.offsetFloats = offsetFloats;
    }

    @Override
    FloatPointer pointer() {
        return whole.pointer().position(offsetFloats);
    }

    @Override
    long address() {
        return whole.address() + offsetFloats * Float.BYTES;
    }

    @Override
    FloatPointer ensure(long floats) {
        throw new UnsupportedOperationException("a view does not grow");
    }

    @Override
    public void close() {
        // The whole buffer owns the memory.
    }
}
