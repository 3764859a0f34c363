package io.polygraph.portable;

import io.polygraph.graph.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.graph.DType;
import org.nd4j.graph.FlatArray;
import org.nd4j.graph.FlatGraph;
import org.nd4j.graph.FlatNode;
import org.nd4j.graph.FlatVariable;
import org.nd4j.graph.IntPair;
import org.nd4j.graph.VarType;

/**
 * Reads a graph in SameDiff's FlatBuffers format with the generated FlatBuffers classes alone: no
 * ND4J backend is loaded, so this runs where ND4J's native libraries cannot be.
 *
 * <p>Arrays are read through the strides their shape information gives, so views and Fortran order
 * come out row-major; float32 arrays become {@link Tensor}s, int32 and int64 ones integer arrays,
 * and any other type is refused by name.
 */
final class FlatGraphReader {

    private FlatGraphReader() {}

    /** The graph in {@code flatBuffers}. */
    static GraphDefinition read(byte[] flatBuffers) {
        FlatGraph graph = FlatGraph.getRootAsFlatGraph(ByteBuffer.wrap(flatBuffers));
        Map<String, Tensor> arrays = new LinkedHashMap<>();
        Map<String, long[]> integerArrays = new LinkedHashMap<>();
        Map<String, long[]> placeholders = new LinkedHashMap<>();
        Map<Long, String> namesById = new HashMap<>();
        for (int i = 0; i < graph.variablesLength(); i++) {
            FlatVariable variable = graph.variables(i);
            String name = variable.name();
            IntPair id = variable.id();
            if (id != null) {
                namesById.put(key(id.first(), id.second()), name);
            }
            if (variable.variabletype() == VarType.PLACEHOLDER) {
                long[] shape = new long[variable.shapeLength()];
                for (int k = 0; k < shape.length; k++) {
                    shape[k] = variable.shape(k);
                }
                placeholders.put(name, shape);
            } else if (variable.ndarray() != null) {
                FlatArray array = variable.ndarray();
                if (array.dtype() == DType.FLOAT) {
                    arrays.put(name, floats(name, array));
                } else if (array.dtype() == DType.INT64 || array.dtype() == DType.INT32) {
                    integerArrays.put(name, integers(name, array));
                } else {
                    throw new UnsupportedOperationException(
                            "variable " + name + " holds " + DType.name(array.dtype()) + " values");
                }
            }
        }
        List<GraphNode> nodes = new ArrayList<>(graph.nodesLength());
        for (int i = 0; i < graph.nodesLength(); i++) {
            nodes.add(node(graph.nodes(i), namesById));
        }
        return new GraphDefinition(arrays, integerArrays, placeholders, nodes);
    }

    private static GraphNode node(FlatNode node, Map<Long, String> namesById) {
        List<String> inputs = new ArrayList<>(node.inputPairedLength());
        for (int k = 0; k < node.inputPairedLength(); k++) {
            IntPair input = node.inputPaired(k);
            String name = namesById.get(key(input.first(), input.second()));
            if (name == null) {
                throw new IllegalArgumentException(
                        "op " + node.name() + " reads a variable the graph does not hold");
            }
            inputs.add(name);
        }
        List<String> outputs = new ArrayList<>(node.outputNamesLength());
        for (int k = 0; k < node.outputNamesLength(); k++) {
            outputs.add(node.outputNames(k));
        }
        long[] integers = new long[node.extraIntegerLength()];
        for (int k = 0; k < integers.length; k++) {
            integers[k] = node.extraInteger(k);
        }
        double[] reals = new double[node.extraParamsLength()];
        for (int k = 0; k < reals.length; k++) {
            reals[k] = node.extraParams(k);
        }
        boolean[] booleans = new boolean[node.extraBoolsLength()];
        for (int k = 0; k < booleans.length; k++) {
            booleans[k] = node.extraBools(k);
        }
        int[] dimensions = new int[node.dimensionsLength()];
        for (int k = 0; k < dimensions.length; k++) {
            dimensions[k] = node.dimensions(k);
        }
        Float scalar = null;
        if (node.scalar() != null) {
            float[] value = floats(node.name(), node.scalar()).values();
            if (value.length != 1) {
                throw new IllegalArgumentException(
                        "op " + node.name() + " has a non-scalar constant");
            }
            scalar = value[0];
        }
        return new GraphNode(
                node.name(),
                node.opName(),
                List.copyOf(inputs),
                List.copyOf(outputs),
                integers,
                reals,
                booleans,
                dimensions,
                scalar);
    }

    private static long key(int node, int output) {
        return ((long) node << 32) | (output & 0xffffffffL);
    }

    private static Tensor floats(String name, FlatArray array) {
        StoredLayout layout = StoredLayout.of(name, array);
        ByteBuffer bytes = layout.bytes(array);
        float[] values = new float[layout.size()];
        int[] offsets = layout.offsets();
        for (int i = 0; i < values.length; i++) {
            values[i] = bytes.getFloat(offsets[i] * Float.BYTES);
        }
        return new Tensor(layout.shape(), values);
    }

    private static long[] integers(String name, FlatArray array) {
        StoredLayout layout = StoredLayout.of(name, array);
        ByteBuffer bytes = layout.bytes(array);
        long[] values = new long[layout.size()];
        int[] offsets = layout.offsets();
        boolean wide = array.dtype() == DType.INT64;
        for (int i = 0; i < values.length; i++) {
            values[i] =
                    wide
                            ? bytes.getLong(offsets[i] * Long.BYTES)
                            : bytes.getInt(offsets[i] * Integer.BYTES);
        }
        return values;
    }

    /**
     * The shape and strides of a stored array, from ND4J's shape information: rank, the dimensions,
     * the strides, then three words (type flags, element stride, order).
     */
    private record StoredLayout(int[] shape, int[] strides) {

        static StoredLayout of(String name, FlatArray array) {
            int rank = (int) array.shape(0);
            if (array.shapeLength() < 1 + 2 * rank) {
                throw new IllegalArgumentException("variable " + name + " has a short shape");
            }
            int[] shape = new int[rank];
            int[] strides = new int[rank];
            for (int axis = 0; axis < rank; axis++) {
                shape[axis] = Math.toIntExact(array.shape(1 + axis));
                strides[axis] = Math.toIntExact(array.shape(1 + rank + axis));
            }
            return new StoredLayout(shape, strides);
        }

        int size() {
            return Math.toIntExact(Shapes.size(shape));
        }

        /** Element offsets into the buffer, in row-major order of the logical indices. */
        int[] offsets() {
            int[] offsets = new int[size()];
            int[] index = new int[shape.length];
            for (int i = 0; i < offsets.length; i++) {
                int offset = 0;
                for (int axis = 0; axis < shape.length; axis++) {
                    offset += index[axis] * strides[axis];
                }
                offsets[i] = offset;
                for (int axis = shape.length - 1; axis >= 0; axis--) {
                    if (++index[axis] < shape[axis]) {
                        break;
                    }
                    index[axis] = 0;
                }
            }
            return offsets;
        }

        ByteBuffer bytes(FlatArray array) {
            ByteBuffer stored = array.bufferAsByteBuffer();
            byte[] raw = new byte[stored == null ? 0 : stored.remaining()];
            if (stored != null) {
                stored.get(raw);
            }
            ByteBuffer bytes = ByteBuffer.wrap(raw);
            return bytes.order(
                    array.byteOrder() == org.nd4j.graph.ByteOrder.BE
                            ? ByteOrder.BIG_ENDIAN
                            : ByteOrder.LITTLE_ENDIAN);
        }
    }
}
