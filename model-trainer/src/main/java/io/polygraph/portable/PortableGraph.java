package io.polygraph.portable;

import io.polygraph.graph.GraphRunner;
import io.polygraph.graph.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A stored inference graph compiled for the portable interpreter: the ops its outputs need, in an
 * order that runs each after its inputs, each bound to fixed value slots.
 *
 * <p>Contract: {@link #compile} reads SameDiff's FlatBuffers bytes (as snapshots store networks)
 * without ND4J and fails, naming the op, on anything it cannot run exactly: an op kind outside the
 * detectors' graphs, an argument it does not implement, a shape computed at run time. {@link #run}
 * takes the placeholders the outputs need, checks their shapes against the graph's, and returns
 * fresh output tensors the caller owns. Safe to share between threads: the graph is immutable once
 * compiled, and the arrays its runs reuse for intermediate values are each thread's own ({@link
 * ScratchArrays}).
 */
public final class PortableGraph implements GraphRunner {

    private final Map<String, long[]> placeholders;
    private final Map<String, Integer> placeholderSlots;
    private final Tensor[] stored;
    private final List<Step> steps;
    private final Map<String, Integer> outputSlots;
    private final int slotCount;
    private final boolean[] outputSteps;
    private final ThreadLocal<ScratchArrays> scratch;

    private PortableGraph(Layout layout) {
        this.placeholders = layout.placeholderShapes;
        this.placeholderSlots = layout.placeholderSlots;
        this.stored = layout.stored;
        this.steps = List.copyOf(layout.steps);
        this.outputSlots = layout.outputSlots;
        this.slotCount = layout.slots.size();
        this.outputSteps = new boolean[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            outputSteps[i] = outputSlots.containsValue(steps.get(i).outputSlot());
        }
        this.scratch = ThreadLocal.withInitial(() -> new ScratchArrays(steps.size()));
    }

    /**
     * One op bound to the slots it reads and the slot it writes: the program other backends execute
     * with their own kernels.
     *
     * @param name the op's name in the graph, for messages
     * @param op what it computes (its {@code run} is the reference)
     * @param inputSlots the value slots of its inputs, in argument order
     * @param outputSlot the value slot it writes
     */
    public record Step(String name, PortableOp op, int[] inputSlots, int outputSlot) {}

    /**
     * Compiles the part of the graph in {@code flatBuffers} that computes {@code outputs}.
     *
     * @throws UnsupportedOperationException when that part holds an op the interpreter cannot run
     * @throws IllegalArgumentException when an output is not in the graph
     */
    public static PortableGraph compile(byte[] flatBuffers, String... outputs) {
        Objects.requireNonNull(flatBuffers, "flatBuffers");
        if (outputs.length == 0) {
            throw new IllegalArgumentException("no outputs requested");
        }
        return new PortableGraph(new Layout(FlatGraphReader.read(flatBuffers), outputs));
    }

    /** The placeholders the outputs need, with their shapes (-1 where given at run time). */
    public Map<String, long[]> placeholders() {
        Map<String, long[]> copy = new LinkedHashMap<>();
        placeholders.forEach((name, shape) -> copy.put(name, shape.clone()));
        return copy;
    }

    /** How many ops a run executes. */
    public int opCount() {
        return steps.size();
    }

    /** The ops of a run, each after the ops its inputs come from. */
    public List<Step> steps() {
        return steps;
    }

    /** The graph's stored arrays (weights, constants): slot {@code i} holds element {@code i}. */
    public List<Tensor> storedArrays() {
        return List.of(stored);
    }

    /** The slot of each placeholder a run needs. */
    public Map<String, Integer> placeholderSlots() {
        return Map.copyOf(placeholderSlots);
    }

    /** The slot of each requested output, in the order requested. */
    public Map<String, Integer> outputSlots() {
        return java.util.Collections.unmodifiableMap(outputSlots);
    }

    /** How many value slots a run fills. */
    public int slotCount() {
        return slotCount;
    }

    /**
     * Checks a placeholder value's shape against the graph's.
     *
     * @throws IllegalArgumentException naming both shapes when they differ
     */
    public void checkPlaceholder(String name, Tensor value) {
        checkShape(name, placeholders.get(name), value.shape());
    }

    /**
     * The requested outputs for these placeholder values.
     *
     * @throws IllegalArgumentException when a needed placeholder is missing or has a shape the
     *     graph does not accept, or an op's inputs do not fit it
     */
    @Override
    public Map<String, Tensor> run(Map<String, Tensor> placeholderValues) {
        Tensor[] values = new Tensor[slotCount];
        System.arraycopy(stored, 0, values, 0, stored.length);
        for (Map.Entry<String, Integer> placeholder : placeholderSlots.entrySet()) {
            String name = placeholder.getKey();
            Tensor value = placeholderValues.get(name);
            if (value == null) {
                throw new IllegalArgumentException("no value for placeholder " + name);
            }
            checkShape(name, placeholders.get(name), value.shape());
            values[placeholder.getValue()] = value;
        }
        ScratchArrays arrays = scratch.get();
        for (int index = 0; index < steps.size(); index++) {
            Step step = steps.get(index);
            Tensor[] inputs = new Tensor[step.inputSlots.length];
            int[][] shapes = new int[inputs.length][];
            for (int i = 0; i < inputs.length; i++) {
                inputs[i] = values[step.inputSlots[i]];
                shapes[i] = inputs[i].shape();
            }
            int[] shape;
            try {
                shape = step.op.outputShape(shapes);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("op " + step.name + ": " + e.getMessage(), e);
            }
            int size = Math.toIntExact(Tensor.sizeOf(shape));
            // Outputs leave the run and belong to the caller; every op writes all of its output.
            float[] array = outputSteps[index] ? new float[size] : arrays.take(index, size);
            Tensor output = new Tensor(shape, array);
            step.op.run(inputs, output);
            values[step.outputSlot] = output;
        }
        Map<String, Tensor> result = new LinkedHashMap<>();
        outputSlots.forEach((name, slot) -> result.put(name, values[slot]));
        return result;
    }

    private static void checkShape(String name, long[] expected, int[] actual) {
        boolean fits = expected.length == 0 || expected.length == actual.length;
        for (int axis = 0; fits && axis < expected.length; axis++) {
            fits = expected[axis] < 0 || expected[axis] == actual[axis];
        }
        if (!fits) {
            throw new IllegalArgumentException(
                    "placeholder "
                            + name
                            + " has shape "
                            + Arrays.toString(actual)
                            + ", the graph takes "
                            + Arrays.toString(expected));
        }
    }

    /** Works out which ops run, in which order, and which slot holds each value. */
    private static final class Layout {

        private final GraphDefinition graph;
        private final Map<String, GraphNode> producers = new HashMap<>();
        private final Map<String, Integer> slots = new LinkedHashMap<>();
        private final Map<String, long[]> placeholderShapes = new LinkedHashMap<>();
        private final Map<String, Integer> placeholderSlots = new LinkedHashMap<>();
        private final List<Step> steps = new ArrayList<>();
        private final Set<String> visiting = new HashSet<>();
        private final Map<String, Integer> outputSlots = new LinkedHashMap<>();
        private Tensor[] stored;

        Layout(GraphDefinition graph, String[] outputs) {
            this.graph = graph;
            for (GraphNode node : graph.nodes()) {
                for (String output : node.outputs()) {
                    producers.put(output, node);
                }
            }
            // Stored arrays take the first slots, so a run starts from one array copy.
            List<Tensor> arrays = new ArrayList<>();
            graph.arrays()
                    .forEach(
                            (name, tensor) -> {
                                slots.put(name, slots.size());
                                arrays.add(tensor);
                            });
            stored = arrays.toArray(Tensor[]::new);
            for (String output : outputs) {
                outputSlots.put(output, resolve(output));
            }
        }

        /** The slot of a variable, planning the ops that compute it first. */
        private int resolve(String name) {
            Integer slot = slots.get(name);
            if (slot != null) {
                return slot;
            }
            if (graph.placeholders().containsKey(name)) {
                int placeholder = newSlot(name);
                placeholderShapes.put(name, graph.placeholders().get(name));
                placeholderSlots.put(name, placeholder);
                return placeholder;
            }
            GraphNode node = producers.get(name);
            if (node == null) {
                throw new IllegalArgumentException("no variable " + name + " in the graph");
            }
            if (node.outputs().size() != 1) {
                throw node.unsupported(node.outputs().size() + " outputs");
            }
            if (!visiting.add(name)) {
                throw node.unsupported("a cycle through " + name);
            }
            OpDecoder.Decoded decoded = OpDecoder.decode(node, graph);
            int[] inputSlots = decoded.inputs().stream().mapToInt(this::resolve).toArray();
            int output = newSlot(name);
            steps.add(new Step(node.name(), decoded.op(), inputSlots, output));
            return output;
        }

        private int newSlot(String name) {
            int slot = slots.size();
            slots.put(name, slot);
            return slot;
        }
    }
}
