package io.polygraph.gpu;

import static org.bytedeco.cuda.global.nvrtc.nvrtcCompileProgram;
import static org.bytedeco.cuda.global.nvrtc.nvrtcCreateProgram;
import static org.bytedeco.cuda.global.nvrtc.nvrtcDestroyProgram;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetCUBIN;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetCUBINSize;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetProgramLog;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetProgramLogSize;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.bytedeco.cuda.cudart.CUfunc_st;
import org.bytedeco.cuda.cudart.CUmod_st;
import org.bytedeco.cuda.global.cudart;
import org.bytedeco.cuda.global.nvrtc;
import org.bytedeco.cuda.nvrtc._nvrtcProgram;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.SizeTPointer;

/**
 * The backend's kernels ({@code kernels.cu}), compiled once per process by NVRTC into machine code
 * for the GPU's own compute capability and loaded into its primary context, and launched with one
 * thread per output value.
 *
 * <p>Why run-time compilation: no prebuilt binary has to list the GPUs it supports (ND4J's stop at
 * 8.6), and the folder that carries the backend stays small. Thread-safe: launches only read the
 * loaded functions.
 */
final class CudaKernels {

    private static final int THREADS_PER_BLOCK = 256;
    private static final String[] NAMES = {
        "unary",
        "broadcast",
        "add_bias",
        "transpose_last",
        "im2col",
        "conv_output",
        "pool",
        "reduce",
        "softmax",
        "concat_part"
    };

    private static CudaKernels loaded;

    private final Map<String, CUfunc_st> functions;

    private CudaKernels(Map<String, CUfunc_st> functions) {
        this.functions = functions;
    }

    /** The kernels for {@code device}, compiled on first use. */
    static synchronized CudaKernels forDevice(CudaDevice device) {
        if (loaded == null) {
            byte[] cubin = compile(source(), device.architecture());
            CUmod_st module = new CUmod_st();
            try (BytePointer image = new BytePointer(cubin)) {
                CudaCalls.driver(cudart.cuModuleLoadData(module, image), "cuModuleLoadData");
            }
            Map<String, CUfunc_st> functions = new HashMap<>();
            for (String name : NAMES) {
                CUfunc_st function = new CUfunc_st();
                CudaCalls.driver(
                        cudart.cuModuleGetFunction(function, module, name),
                        "cuModuleGetFunction " + name);
                functions.put(name, function);
            }
            loaded = new CudaKernels(functions);
        }
        return loaded;
    }

    /**
     * Launches kernel {@code name} over {@code threads} threads; each argument is a {@link
     * DeviceBuffer}, a {@code Long} (the kernels' {@code long long}), an {@code Integer}, a {@code
     * Float} or a {@code byte[]} (a struct's bytes).
     */
    void launch(String name, long threads, Object... arguments) {
        if (threads == 0) {
            return;
        }
        long blocks = (threads + THREADS_PER_BLOCK - 1) / THREADS_PER_BLOCK;
        Pointer[] values = new Pointer[arguments.length];
        try (PointerPointer<Pointer> parameters = new PointerPointer<>(arguments.length)) {
            for (int i = 0; i < arguments.length; i++) {
                values[i] = value(arguments[i]);
                parameters.put(i, values[i]);
            }
            CudaCalls.driver(
                    cudart.cuLaunchKernel(
                            functions.get(name),
                            Math.toIntExact(blocks),
                            1,
                            1,
                            THREADS_PER_BLOCK,
                            1,
                            1,
                            0,
                            null,
                            parameters,
                            null),
                    "cuLaunchKernel " + name);
        } finally {
            for (Pointer value : values) {
                if (value != null) {
                    value.close();
                }
            }
        }
    }

    /** A struct of ints, as the kernels' {@code Dims} and {@code Window} are laid out. */
    static byte[] struct(int... fields) {
        ByteBuffer bytes = ByteBuffer.allocate(fields.length * Integer.BYTES);
        bytes.order(ByteOrder.nativeOrder());
        for (int field : fields) {
            bytes.putInt(field);
        }
        return bytes.array();
    }

    private static Pointer value(Object argument) {
        if (argument instanceof DeviceBuffer buffer) {
            return new LongPointer(1).put(buffer.address());
        } else if (argument instanceof Long number) {
            return new LongPointer(1).put(number);
        } else if (argument instanceof Integer number) {
            return new IntPointer(1).put(number);
        } else if (argument instanceof Float number) {
            return new FloatPointer(1).put(number);
        } else if (argument instanceof byte[] struct) {
            return new BytePointer(struct);
        }
        throw new IllegalArgumentException("no kernel argument of type " + argument.getClass());
    }

    private static String source() {
        try (InputStream in = CudaKernels.class.getResourceAsStream("kernels.cu")) {
            if (in == null) {
                throw new IllegalStateException("kernels.cu is missing from the backend's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read kernels.cu", e);
        }
    }

    /** Machine code of {@code source} for {@code architecture} ({@code sm_90}), or NVRTC's log. */
    static byte[] compile(String source, String architecture) {
        _nvrtcProgram program = new _nvrtcProgram();
        try (BytePointer text = new BytePointer(source);
                BytePointer name = new BytePointer("kernels.cu")) {
            check(
                    nvrtcCreateProgram(program, text, name, 0, (PointerPointer<?>) null, null),
                    "nvrtcCreateProgram");
        }
        try {
            String[] options = {"--gpu-architecture=" + architecture, "--std=c++17"};
            int status =
                    nvrtcCompileProgram(program, options.length, new PointerPointer<>(options));
            if (status != nvrtc.NVRTC_SUCCESS) {
                throw new IllegalStateException(
                        "NVRTC could not compile the kernels for "
                                + architecture
                                + ":\n"
                                + log(program));
            }
            try (SizeTPointer size = new SizeTPointer(1)) {
                check(nvrtcGetCUBINSize(program, size), "nvrtcGetCUBINSize");
                byte[] cubin = new byte[Math.toIntExact(size.get())];
                check(nvrtcGetCUBIN(program, cubin), "nvrtcGetCUBIN");
                return cubin;
            }
        } finally {
            nvrtcDestroyProgram(program);
        }
    }

    private static String log(_nvrtcProgram program) {
        try (SizeTPointer size = new SizeTPointer(1)) {
            nvrtcGetProgramLogSize(program, size);
            byte[] log = new byte[Math.toIntExact(size.get())];
            nvrtcGetProgramLog(program, log);
            return new String(log, StandardCharsets.UTF_8).trim();
        }
    }

    private static void check(int status, String call) {
        if (status != nvrtc.NVRTC_SUCCESS) {
            throw new IllegalStateException(
                    call + " failed: " + nvrtc.nvrtcGetErrorString(status).getString());
        }
    }
}
