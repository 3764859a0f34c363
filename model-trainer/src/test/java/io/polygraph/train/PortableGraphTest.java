package io.polygraph.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.graph.Tensor;
import io.polygraph.portable.PortableGraph;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Every inference graph the library scores with, read from its FlatBuffers bytes by the portable
 * interpreter and run on the same random inputs as {@code SameDiff.output}: the outputs must have
 * the same shapes and differ by at most {@value #TOLERANCE} times the output's largest magnitude
 * (at least 1) anywhere, at several batch sizes.
 *
 * <p>Why relative: both sides compute in float32 but sum in different orders (the interpreter in
 * double, ND4J's BLAS in float blocks), so an output of magnitude 300 (the random graphs'
 * reconstruction errors reach that) may differ by a few of its float32 steps of 3e-5. The tolerance
 * is ten times below what a GPU backend may differ by from the CPU (1e-4) for outputs of magnitude
 * up to 1: the interpreter is the reference those backends are checked against.
 */
class PortableGraphTest {

    private static final double TOLERANCE = 1e-5;
    private static final int[] BATCH_SIZES = {1, 3, 64};

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.polygraph.train.InferencePlanTest#graphs")
    void interpreterGivesSameDiffsOutputs(String name, SameDiff graph, String[] outputs) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        graph.save(bytes, false);
        PortableGraph portable = PortableGraph.compile(bytes.toByteArray(), outputs);
        SplittableRandom random = new SplittableRandom(11);
        for (int batch : BATCH_SIZES) {
            Map<String, INDArray> inputs = RandomPlaceholders.of(graph, batch, random);
            Map<String, INDArray> expected = graph.output(inputs, outputs);
            Map<String, Tensor> actual = portable.run(tensors(inputs));
            for (String output : outputs) {
                INDArray want = expected.get(output);
                Tensor got = actual.get(output);
                assertThat(got.shape())
                        .as("%s at batch %d", output, batch)
                        .containsExactly(toInts(want.shape()));
                float[] wanted = want.castTo(DataType.FLOAT).dup('c').data().asFloat();
                double scale = Math.max(1.0, maxMagnitude(wanted));
                assertThat(maxDifference(wanted, got.values()))
                        .as(
                                "largest difference of %s at batch %d (magnitude %s)",
                                output, batch, scale)
                        .isLessThanOrEqualTo(TOLERANCE * scale);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.polygraph.train.InferencePlanTest#graphs")
    void runsThatReuseTheirIntermediateArraysGiveAFreshGraphsOutputsAndLeaveEarlierOnesAlone(
            String name, SameDiff graph, String[] outputs) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        graph.save(bytes, false);
        PortableGraph reused = PortableGraph.compile(bytes.toByteArray(), outputs);
        SplittableRandom random = new SplittableRandom(5);
        Map<Integer, Map<String, Tensor>> inputs = new HashMap<>();
        for (int batch : new int[] {1, 3, 64}) {
            inputs.put(batch, tensors(RandomPlaceholders.of(graph, batch, random)));
        }
        // Inputs no later run has, so that a later run writing into these outputs would show.
        Map<String, Tensor> first = reused.run(tensors(RandomPlaceholders.of(graph, 3, random)));
        Map<String, float[]> firstValues = new HashMap<>();
        first.forEach((output, tensor) -> firstValues.put(output, tensor.values().clone()));
        // Sizes alternate as a stream's batches do: each step's kept arrays are hit and replaced.
        for (int batch : new int[] {1, 3, 64, 1, 3, 3, 1}) {
            Map<String, Tensor> actual = reused.run(inputs.get(batch));
            Map<String, Tensor> fresh =
                    PortableGraph.compile(bytes.toByteArray(), outputs).run(inputs.get(batch));
            for (String output : outputs) {
                assertThat(actual.get(output).values())
                        .as("%s at batch %d", output, batch)
                        .containsExactly(fresh.get(output).values());
            }
        }
        first.forEach(
                (output, tensor) ->
                        assertThat(tensor.values())
                                .as("%s of the first run", output)
                                .containsExactly(firstValues.get(output)));
    }

    private static Map<String, Tensor> tensors(Map<String, INDArray> arrays) {
        Map<String, Tensor> tensors = new HashMap<>();
        arrays.forEach(
                (name, array) ->
                        tensors.put(
                                name,
                                new Tensor(
                                        toInts(array.shape()), array.dup('c').data().asFloat())));
        return tensors;
    }

    private static int[] toInts(long[] shape) {
        int[] ints = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            ints[i] = Math.toIntExact(shape[i]);
        }
        return ints;
    }

    private static double maxMagnitude(float[] values) {
        double max = 0;
        for (float value : values) {
            max = Math.max(max, Math.abs(value));
        }
        return max;
    }

    private static double maxDifference(float[] expected, float[] actual) {
        assertThat(actual).hasSameSizeAs(expected);
        double max = 0;
        for (int i = 0; i < expected.length; i++) {
            double difference = Math.abs((double) expected[i] - actual[i]);
            if (Double.isNaN(difference)) {
                return Double.POSITIVE_INFINITY;
            }
            max = Math.max(max, difference);
        }
        return max;
    }
}
