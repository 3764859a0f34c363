package io.polygraph.graph;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An identity op: its output is its input array, not a copy, as in SameDiff's inference session
 * (which names graph outputs this way at no cost).
 */
final class PassThroughStep extends PlanStep {

    PassThroughStep(String name, int input, int output) {
        super(name, new int[] {input}, new int[] {output});
    }

    @Override
    void run(INDArray[] values) {
        setOutput(values, 0, inputsOf(values)[0]);
    }
}
