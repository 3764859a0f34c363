package io.polygraph.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.autodiff.samediff.internal.Variable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.BaseOp;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.RandomOp;
import org.nd4j.linalg.api.ops.ReduceOp;
import org.nd4j.linalg.api.ops.ScalarOp;
import org.nd4j.linalg.api.ops.custom.Invoke;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.BaseCompatOp;
import org.nd4j.linalg.api.ops.impl.layers.ExternalErrorsFunction;
import org.nd4j.linalg.api.ops.impl.shape.CreateView;
import org.nd4j.linalg.api.ops.impl.shape.tensorops.BaseTensorOp;
import org.nd4j.linalg.api.ops.impl.transforms.Assert;
import org.nd4j.linalg.api.ops.impl.transforms.custom.Assign;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.GradientBackwardsMarker;
import org.nd4j.linalg.api.ops.impl.transforms.same.Identity;

/**
 * Works out an {@link InferencePlan}: walks back from the outputs to the placeholders and stored
 * arrays, numbers every variable met with a slot, and turns each op met into a {@link PlanStep},
 * ops after the ops that feed them.
 *
 * <p>Only what SameDiff's inference session runs as a plain op execution becomes a step: control
 * flow, tensor arrays, in-place assignment, views, assertions and random ops are refused, and so
 * are the legacy reduce and scalar ops whose second input SameDiff reads as an axis or a scalar.
 */
final class PlanLayout {

    private final SameDiff graph;
    private final Map<String, Integer> slots = new HashMap<>();
    private final Set<String> visiting = new HashSet<>();
    private final List<String> placeholders = new ArrayList<>();
    private final List<String> stored = new ArrayList<>();
    private final List<PlanStep> steps = new ArrayList<>();
    private final List<String> outputs;

    private PlanLayout(SameDiff graph, List<String> outputs) {
        this.graph = graph;
        this.outputs = outputs;
    }

    static PlanLayout of(SameDiff graph, String... outputs) {
        if (outputs.length == 0) {
            throw new IllegalArgumentException("no outputs requested");
        }
        PlanLayout layout = new PlanLayout(graph, List.of(outputs));
        for (String output : outputs) {
            if (!graph.hasVariable(output)) {
                throw new IllegalArgumentException("graph lacks output " + output);
            }
            layout.resolve(output);
        }
        return layout;
    }

    SameDiff graph() {
        return graph;
    }

    List<String> placeholders() {
        return placeholders;
    }

    List<String> stored() {
        return stored;
    }

    List<PlanStep> steps() {
        return steps;
    }

    List<String> outputs() {
        return outputs;
    }

    int slotCount() {
        return slots.size();
    }

    int slot(String variable) {
        return slots.get(variable);
    }

    /** Gives {@code name} a slot, first laying out the op that computes it. */
    private void resolve(String name) {
        if (slots.containsKey(name)) {
            return;
        }
        SDVariable variable = graph.getVariable(name);
        switch (variable.getVariableType()) {
            case PLACEHOLDER -> placeholders.add(name);
            case VARIABLE, CONSTANT -> stored.add(name);
            case ARRAY -> layOutProducer(name);
            default ->
                    throw new UnsupportedOperationException(
                            "variable " + name + " is of type " + variable.getVariableType());
        }
        slots.putIfAbsent(name, slots.size());
    }

    private void layOutProducer(String name) {
        Variable meta = graph.getVariables().get(name);
        String opName = meta.getOutputOfOp();
        if (opName == null) {
            throw new UnsupportedOperationException("no op computes variable " + name);
        }
        if (!visiting.add(opName)) {
            throw new UnsupportedOperationException("op " + opName + " is part of a cycle");
        }
        SameDiffOp op = graph.getOps().get(opName);
        requireNoControlDependencies(op);
        String[] args = op.getOp().argNames();
        for (String arg : args == null ? new String[0] : args) {
            resolve(arg);
        }
        List<String> outs = op.getOutputsOfOp();
        int[] outSlots = new int[outs.size()];
        for (int i = 0; i < outs.size(); i++) {
            if (slots.containsKey(outs.get(i))) {
                throw new IllegalStateException("variable " + outs.get(i) + " laid out twice");
            }
            outSlots[i] = slots.size();
            slots.put(outs.get(i), outSlots[i]);
        }
        int[] inSlots = new int[args == null ? 0 : args.length];
        for (int i = 0; i < inSlots.length; i++) {
            inSlots[i] = slots.get(args[i]);
        }
        steps.add(step(op.getOp(), inSlots, outSlots, outs));
    }

    private static void requireNoControlDependencies(SameDiffOp op) {
        if (!isEmpty(op.getControlDeps()) || !isEmpty(op.getVarControlDeps())) {
            throw new UnsupportedOperationException(
                    "op " + op.getName() + " has control dependencies");
        }
    }

    private static boolean isEmpty(List<String> list) {
        return list == null || list.isEmpty();
    }

    private PlanStep step(
            DifferentialFunction op, int[] inputs, int[] outputs, List<String> outputNames) {
        String name = op.getOwnName();
        if (refused(op)) {
            throw new UnsupportedOperationException(
                    "op " + name + " (" + op.getClass().getSimpleName() + ") is not feed-forward");
        }
        if (op instanceof Identity) {
            if (inputs.length != 1 || outputs.length != 1) {
                throw new UnsupportedOperationException("identity " + name + " is not 1 to 1");
            }
            return new PassThroughStep(name, inputs[0], outputs[0]);
        }
        if (op instanceof CustomOp) {
            DataType[] types = new DataType[outputNames.size()];
            for (int i = 0; i < types.length; i++) {
                types[i] = graph.getVariable(outputNames.get(i)).dataType();
            }
            return new CustomOpStep((DynamicCustomOp) op, inputs, outputs, types);
        }
        if (op instanceof Op && inputs.length == 2 && readsSecondInputSpecially(op)) {
            throw new UnsupportedOperationException(
                    "op " + name + " takes its axis or scalar as an input");
        }
        if (op instanceof BaseOp legacy) {
            return new LegacyOpStep(legacy, inputs, outputs);
        }
        throw new UnsupportedOperationException(
                "op " + name + " (" + op.getClass().getName() + ") is of an unknown kind");
    }

    private static boolean refused(DifferentialFunction op) {
        return op instanceof BaseCompatOp
                || op instanceof BaseTensorOp
                || op instanceof Invoke
                || op instanceof Assign
                || op instanceof CreateView
                || op instanceof Assert
                || op instanceof ExternalErrorsFunction
                || op instanceof GradientBackwardsMarker
                || op instanceof RandomOp
                || (op instanceof CustomOp && !(op instanceof DynamicCustomOp));
    }

    private static boolean readsSecondInputSpecially(DifferentialFunction op) {
        return (op instanceof ReduceOp reduce && reduce.getOpType() != Op.Type.REDUCE3)
                || op instanceof ScalarOp;
    }
}
