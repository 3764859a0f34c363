package io.polygraph.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A feed-forward SameDiff graph compiled once for inference: the ops that the requested outputs
 * need, in an order that runs each after its inputs, each bound to fixed value slots.
 *
 * <p>Why: {@code SameDiff.output} rebuilds its execution bookkeeping on every call (dependency
 * tracking, frame and iteration keys, variable lookups by name, an array cache), which costs far
 * more than the arithmetic of a small batch: a few hundred ops at batch 1 spent about two thirds of
 * the time on it. A plan does that work once; a run only fills the slots and executes the same op
 * objects as SameDiff does, through the same executioner with the same arguments and output types,
 * so it gives the same values bit for bit.
 *
 * <p>Contract: {@link #compile} fails (with the op named) on a graph the plan cannot run exactly as
 * SameDiff does, such as control flow, tensor arrays or random ops, rather than running it some
 * other way. Variables and constants are read from the graph at every run, so weights set after
 * compiling are used. {@link #output} returns fresh arrays that the caller owns. Not thread-safe: a
 * plan reuses its op contexts and intermediate arrays from run to run (one per scorer, like the
 * SameDiff graph itself).
 */
public final class InferencePlan {

    private final String[] placeholders;
    private final int[] placeholderSlots;
    private final DataType[] placeholderTypes;
    private final SDVariable[] stored;
    private final int[] storedSlots;
    private final List<PlanStep> steps;
    private final String[] outputs;
    private final int[] outputSlots;
    private final int slotCount;
    private final SameDiff graph;

    InferencePlan(PlanLayout layout) {
        this.graph = layout.graph();
        this.placeholders = layout.placeholders().toArray(String[]::new);
        this.placeholderSlots = slots(layout, layout.placeholders());
        this.placeholderTypes = new DataType[placeholders.length];
        for (int i = 0; i < placeholders.length; i++) {
            placeholderTypes[i] = graph.getVariable(placeholders[i]).dataType();
        }
        this.stored = layout.stored().stream().map(graph::getVariable).toArray(SDVariable[]::new);
        this.storedSlots = slots(layout, layout.stored());
        this.steps = List.copyOf(layout.steps());
        this.outputs = layout.outputs().toArray(String[]::new);
        this.outputSlots = slots(layout, layout.outputs());
        this.slotCount = layout.slotCount();
    }

    /**
     * Compiles the part of {@code graph} that computes {@code outputs}.
     *
     * @throws UnsupportedOperationException when that part holds an op or variable the plan cannot
     *     run as SameDiff would
     * @throws IllegalArgumentException when an output is not in the graph
     */
    public static InferencePlan compile(SameDiff graph, String... outputs) {
        return new InferencePlan(PlanLayout.of(Objects.requireNonNull(graph, "graph"), outputs));
    }

    /**
     * The requested outputs for these placeholder values, as {@code SameDiff.output} would give
     * them. Placeholders of another data type are cast to the graph's, as SameDiff does.
     *
     * @throws IllegalArgumentException when a placeholder the outputs need is missing, or a given
     *     one is not in the graph
     */
    public Map<String, INDArray> output(Map<String, INDArray> placeholderValues) {
        for (String name : placeholderValues.keySet()) {
            if (!graph.hasVariable(name)) {
                throw new IllegalArgumentException("no placeholder " + name + " in the graph");
            }
        }
        INDArray[] values = new INDArray[slotCount];
        for (int i = 0; i < placeholders.length; i++) {
            INDArray value = placeholderValues.get(placeholders[i]);
            if (value == null) {
                throw new IllegalArgumentException("no value for placeholder " + placeholders[i]);
            }
            values[placeholderSlots[i]] =
                    value.dataType() == placeholderTypes[i]
                            ? value
                            : value.castTo(placeholderTypes[i]);
        }
        for (int i = 0; i < stored.length; i++) {
            values[storedSlots[i]] = stored[i].getArr();
        }
        for (PlanStep step : steps) {
            step.run(values);
        }
        Map<String, INDArray> result = new LinkedHashMap<>();
        for (int i = 0; i < outputs.length; i++) {
            // Intermediate arrays are reused by the next run: the caller gets its own copy.
            result.put(outputs[i], values[outputSlots[i]].dup());
        }
        return result;
    }

    /** How many ops a run executes. */
    public int opCount() {
        return steps.size();
    }

    private static int[] slots(PlanLayout layout, List<String> names) {
        return names.stream().mapToInt(layout::slot).toArray();
    }
}
