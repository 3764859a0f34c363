package io.polygraph.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.detector.ConsensusNetwork;
import io.polygraph.detector.PairNetwork;
import io.polygraph.fusion.DetectionHead;
import io.polygraph.fusion.FusionMode;
import io.polygraph.fusion.FusionNetwork;
import io.polygraph.fusion.FusionShape;
import io.polygraph.fusion.Modality;
import io.polygraph.graph.InferencePlan;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Every inference graph the library scores with, run through an {@link InferencePlan} and through
 * {@code SameDiff.output} on the same random inputs: the outputs must be equal bit for bit, at
 * batch sizes 1, 3, 17 and 64, run after run (the plan reuses its arrays while the batch size stays
 * the same, and lays smaller batches over the buffers of larger ones), and from a graph read back
 * from its FlatBuffers bytes as snapshots hold it.
 */
class InferencePlanTest {

    /**
     * Each size twice in a row, so that runs reusing the previous run's arrays are checked too, and
     * sizes below the largest so far, which run in that largest run's buffers.
     */
    private static final int[] BATCH_SIZES = {1, 1, 3, 64, 64, 3, 3, 1, 17, 64};

    static Stream<Arguments> graphs() {
        TrainerConfig config = TrainerConfig.defaults();
        int embedding = config.embeddingSize();
        List<Arguments> graphs = new ArrayList<>();
        graphs.add(
                pair(
                        "cmad profile-transaction",
                        new ProfileTransactionArchitecture(58, 73, embedding)));
        graphs.add(pair("cmad signature", new SignatureArchitecture()));
        graphs.add(pair("image-tag", new ImageTagArchitecture(10)));
        graphs.add(
                Arguments.of(
                        "cmad consensus",
                        BehaviourGraphs.inference(
                                new BehaviourArchitecture(58, 73, 20, 31, embedding)),
                        new String[] {
                            ConsensusNetwork.PROFILE_TRANSACTION,
                            ConsensusNetwork.PROFILE_HISTORY,
                            ConsensusNetwork.TRANSACTION_HISTORY
                        }));
        for (FusionMode mode : FusionMode.values()) {
            for (DetectionHead head : DetectionHead.values()) {
                graphs.add(fusion(mode, head));
            }
        }
        return graphs.stream();
    }

    private static Arguments pair(String name, PairArchitecture architecture) {
        return Arguments.of(
                name, PairGraphs.inference(architecture), new String[] {PairNetwork.COSINE});
    }

    private static Arguments fusion(FusionMode mode, DetectionHead head) {
        FusionConfig config = FusionConfig.defaults().withMode(mode).withHead(head);
        double[] variances = new double[Modality.count()];
        for (int k = 0; k < variances.length; k++) {
            variances[k] = 0.5 + k;
        }
        SameDiff graph = FusionGraphs.inference(new FusionShape(58, 73, 20, 31), config, variances);
        List<String> outputs = new ArrayList<>();
        outputs.add(
                head == DetectionHead.AUTOENCODER
                        ? FusionNetwork.MODALITY_ERRORS
                        : FusionNetwork.ANOMALY_LOGIT);
        if (mode == FusionMode.ATTENTION) {
            outputs.add(FusionNetwork.ATTENTION);
        }
        return Arguments.of("dmafn " + mode + " " + head, graph, outputs.toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void planGivesSameDiffsOutputsBitForBit(String name, SameDiff graph, String[] outputs) {
        assertSameOutputs(graph, InferencePlan.compile(graph, outputs), outputs);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void planOfAGraphReadBackGivesTheSameOutputs(String name, SameDiff graph, String[] outputs) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        graph.save(bytes, false);
        SameDiff loaded = SameDiff.load(new ByteArrayInputStream(bytes.toByteArray()), false);
        assertSameOutputs(loaded, InferencePlan.compile(loaded, outputs), outputs);
    }

    private static void assertSameOutputs(SameDiff graph, InferencePlan plan, String[] outputs) {
        SplittableRandom random = new SplittableRandom(7);
        Map<String, INDArray> earlier = null;
        Map<String, INDArray> earlierCopy = null;
        for (int batch : BATCH_SIZES) {
            Map<String, INDArray> inputs = RandomPlaceholders.of(graph, batch, random);
            Map<String, INDArray> expected = graph.output(inputs, outputs);
            Map<String, INDArray> actual = plan.output(inputs);
            assertThat(actual.keySet()).containsExactlyInAnyOrder(outputs);
            for (String output : outputs) {
                INDArray want = expected.get(output);
                INDArray got = actual.get(output);
                assertThat(got.shape()).as("%s at batch %d", output, batch).isEqualTo(want.shape());
                assertThat(want.dataType()).isEqualTo(DataType.FLOAT);
                assertThat(got.dataType()).isEqualTo(DataType.FLOAT);
                // Float.equals, element by element: equal bits (NaN equal to NaN).
                assertThat(got.data().asFloat())
                        .as("%s at batch %d", output, batch)
                        .containsExactly(want.data().asFloat());
            }
            if (earlier != null) {
                // What a caller was given must not change under later runs.
                for (String output : outputs) {
                    assertThat(earlier.get(output)).isEqualTo(earlierCopy.get(output));
                }
            }
            earlier = actual;
            earlierCopy = new java.util.HashMap<>();
            for (String output : outputs) {
                earlierCopy.put(output, actual.get(output).dup());
            }
        }
    }
}
