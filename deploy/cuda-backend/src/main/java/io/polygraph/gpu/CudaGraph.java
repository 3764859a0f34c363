package io.polygraph.gpu;

import static org.bytedeco.cuda.global.cublas.CUBLAS_DEFAULT_MATH;
import static org.bytedeco.cuda.global.cublas.cublasCreate_v2;
import static org.bytedeco.cuda.global.cublas.cublasDestroy_v2;
import static org.bytedeco.cuda.global.cublas.cublasSetMathMode;

import io.polygraph.graph.GraphRunner;
import io.polygraph.graph.Tensor;
import io.polygraph.portable.PortableGraph;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.cuda.cublas.cublasContext;

/**
 * A compiled graph run on the GPU: the weights uploaded once, each run's placeholders uploaded,
 * every op of the portable program launched as kernels or cuBLAS calls on the GPU's default stream,
 * and the outputs copied back.
 *
 * <p>Shapes follow the portable ops' own {@code outputShape}, so a graph fails here exactly where
 * the interpreter would. Each value slot keeps its GPU buffer from run to run. Not thread-safe (one
 * per scorer); each run first makes the device current on the calling thread.
 */
final class CudaGraph implements GraphRunner, AutoCloseable {

    private final PortableGraph program;
    private final CudaDevice device;
    private final CudaOps ops;
    private final cublasContext cublas;
    private final DeviceBuffer[] buffers;
    private final int[][] storedShapes;

    CudaGraph(PortableGraph program, CudaDevice device) {
        this.program = program;
        this.device = device;
        this.cublas = new cublasContext();
        CudaCalls.cublas(cublasCreate_v2(cublas), "cublasCreate");
        // Plain float32 products: TF32 would round inputs to 10 mantissa bits.
        CudaCalls.cublas(cublasSetMathMode(cublas, CUBLAS_DEFAULT_MATH), "cublasSetMathMode");
        this.ops = new CudaOps(CudaKernels.forDevice(device), cublas);
        this.buffers = new DeviceBuffer[program.slotCount()];
        for (int slot = 0; slot < buffers.length; slot++) {
            buffers[slot] = new DeviceBuffer();
        }
        List<Tensor> stored = program.storedArrays();
        this.storedShapes = new int[stored.size()][];
        for (int slot = 0; slot < stored.size(); slot++) {
            buffers[slot].upload(stored.get(slot).values());
            storedShapes[slot] = stored.get(slot).shape();
        }
    }

    @Override
    public Map<String, Tensor> run(Map<String, Tensor> placeholders) {
        device.makeCurrent();
        int[][] shapes = new int[buffers.length][];
        System.arraycopy(storedShapes, 0, shapes, 0, storedShapes.length);
        for (Map.Entry<String, Integer> placeholder : program.placeholderSlots().entrySet()) {
            Tensor value = placeholders.get(placeholder.getKey());
            if (value == null) {
                throw new IllegalArgumentException(
                        "no value for placeholder " + placeholder.getKey());
            }
            program.checkPlaceholder(placeholder.getKey(), value);
            buffers[placeholder.getValue()].upload(value.values());
            shapes[placeholder.getValue()] = value.shape();
        }
        for (PortableGraph.Step step : program.steps()) {
            int[][] inputShapes = new int[step.inputSlots().length][];
            DeviceBuffer[] inputs = new DeviceBuffer[inputShapes.length];
            for (int i = 0; i < inputs.length; i++) {
                inputShapes[i] = shapes[step.inputSlots()[i]];
                inputs[i] = buffers[step.inputSlots()[i]];
            }
            int[] outputShape;
            try {
                outputShape = step.op().outputShape(inputShapes);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("op " + step.name() + ": " + e.getMessage(), e);
            }
            DeviceBuffer output = buffers[step.outputSlot()];
            output.ensure(Tensor.sizeOf(outputShape));
            ops.run(step.op(), inputs, inputShapes, output, outputShape);
            shapes[step.outputSlot()] = outputShape;
        }
        Map<String, Tensor> outputs = new LinkedHashMap<>();
        program.outputSlots()
                .forEach(
                        (name, slot) ->
                                outputs.put(
                                        name,
                                        new Tensor(
                                                shapes[slot],
                                                buffers[slot].download(
                                                        Math.toIntExact(
                                                                Tensor.sizeOf(shapes[slot]))))));
        return outputs;
    }

    @Override
    public void close() {
        for (DeviceBuffer buffer : buffers) {
            buffer.close();
        }
        cublasDestroy_v2(cublas);
    }
}
