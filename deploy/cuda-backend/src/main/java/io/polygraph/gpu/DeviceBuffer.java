package io.polygraph.gpu;

import static org.bytedeco.cuda.global.cudart.cudaFree;
import static org.bytedeco.cuda.global.cudart.cudaMalloc;
import static org.bytedeco.cuda.global.cudart.cudaMemcpy;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyDeviceToDevice;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyDeviceToHost;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyHostToDevice;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * Float32 memory on the GPU that grows as needed and is reused from run to run: a slot of a
 * compiled graph keeps its buffer, so a run at the same batch size allocates nothing.
 */
class DeviceBuffer implements AutoCloseable {

    private Pointer memory;
    private long capacity;

    /** A buffer for at least {@code floats} values, reallocated (contents lost) when smaller. */
    FloatPointer ensure(long floats) {
        if (floats > capacity || memory == null) {
            close();
            Pointer allocated = new Pointer();
            CudaCalls.runtime(
                    cudaMalloc(allocated, Math.max(1, floats) * Float.BYTES), "cudaMalloc");
            memory = allocated;
            capacity = Math.max(1, floats);
        }
        return new FloatPointer(memory);
    }

    /** The buffer's memory, as it is. */
    FloatPointer pointer() {
        return new FloatPointer(memory);
    }

    /** Copies {@code values} in, growing the buffer to hold them. */
    void upload(float[] values) {
        FloatPointer device = ensure(values.length);
        try (FloatPointer host = new FloatPointer(values)) {
            CudaCalls.runtime(
                    cudaMemcpy(
                            device,
                            host,
                            (long) values.length * Float.BYTES,
                            cudaMemcpyHostToDevice),
                    "cudaMemcpy to the GPU");
        }
    }

    /** The first {@code floats} values. */
    float[] download(int floats) {
        float[] values = new float[floats];
        try (FloatPointer host = new FloatPointer((long) floats)) {
            CudaCalls.runtime(
                    cudaMemcpy(
                            host, pointer(), (long) floats * Float.BYTES, cudaMemcpyDeviceToHost),
                    "cudaMemcpy from the GPU");
            host.get(values);
        }
        return values;
    }

    /** Copies the first {@code floats} values of {@code source} in, on the GPU. */
    void copyFrom(DeviceBuffer source, long floats) {
        FloatPointer device = ensure(floats);
        CudaCalls.runtime(
                cudaMemcpy(
                        device, source.pointer(), floats * Float.BYTES, cudaMemcpyDeviceToDevice),
                "cudaMemcpy on the GPU");
    }

    /** The device address, for kernel arguments. */
    long address() {
        return memory.address();
    }

    @Override
    public void close() {
        if (memory != null) {
            cudaFree(memory);
            memory = null;
            capacity = 0;
        }
    }
}
