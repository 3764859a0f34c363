package io.polygraph.fusion;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.detector.MultimodalRecord;
import io.polygraph.features.SignatureFeatures;
import io.polygraph.graph.Nd4jGraphRunner;
import io.polygraph.train.TestDetectors;
import io.polygraph.world.WorldJoin;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** How records become DMAFN inputs: history sequences, presence and the signed-rows mapping. */
class FusionInputsTest {

    private static List<MultimodalRecord> records;
    private static FusionEncoding encoding;

    @BeforeAll
    static void world() {
        List<WorldJoin.LabelledRecord> labelled = TestDetectors.world(11, 12, 6);
        records = TestDetectors.records(labelled);
        encoding = FusionEncoding.fit(records, 20, 4);
    }

    @Test
    void historiesAreRightAlignedSoTheLastStepIsTheMostRecentTransaction() {
        FusionShape shape = encoding.shape();
        for (FusionRow row : FusionRows.encode(records, encoding)) {
            float[] mask = row.historyMask();
            int present = 0;
            for (int t = 0; t < mask.length; t++) {
                present += (int) mask[t];
                if (t > 0 && mask[t - 1] > 0) {
                    assertThat(mask[t]).as("no gap after the first present step").isEqualTo(1f);
                }
            }
            for (int t = 0; t < shape.historySteps() - present; t++) {
                for (int j = 0; j < shape.stepWidth(); j++) {
                    assertThat(row.history()[t * shape.stepWidth() + j]).isZero();
                }
            }
        }
        MultimodalRecord first = records.get(0);
        assertThat(FusionRows.encode(List.of(first), encoding).get(0).has(Modality.HISTORY))
                .isEqualTo(!first.recentTransactions().isEmpty());
    }

    @Test
    void presentedImagesHoldOnlyTheRowsThatHaveOneAndMapBackToThem() {
        List<FusionRow> rows = FusionRows.encode(records, encoding);
        float[][] presence = FusionInputs.presence(rows);
        Map<String, INDArray> inputs =
                Nd4jGraphRunner.toArrays(FusionInputs.of(rows, encoding.shape(), presence));

        long signed = rows.stream().filter(r -> r.has(Modality.PRESENTED_SIGNATURE)).count();
        assertThat(signed).isGreaterThan(1);
        INDArray mapping = inputs.get(FusionNetwork.PRESENTED_ROWS);
        assertThat(mapping.shape()).containsExactly(rows.size(), signed);
        assertThat(inputs.get(FusionNetwork.PRESENTED).shape())
                .containsExactly(signed, 1, SignatureFeatures.HEIGHT, SignatureFeatures.WIDTH);
        int next = 0;
        for (int i = 0; i < rows.size(); i++) {
            double rowSum = mapping.getRow(i).sumNumber().doubleValue();
            if (rows.get(i).has(Modality.PRESENTED_SIGNATURE)) {
                assertThat(rowSum).isEqualTo(1.0);
                assertThat(mapping.getDouble(i, next)).isEqualTo(1.0);
                assertThat(inputs.get(FusionNetwork.PRESENTED).getDouble(next, 0, 10, 10))
                        .isEqualTo(rows.get(i).presented()[10 * SignatureFeatures.WIDTH + 10]);
                next++;
            } else {
                assertThat(rowSum).isZero();
            }
        }
    }

    @Test
    void aBatchWithoutSignaturesGetsBlankPaddingRowsMappedToNoRecord() {
        List<FusionRow> unsigned =
                FusionRows.encode(records, encoding).stream()
                        .filter(r -> !r.has(Modality.PRESENTED_SIGNATURE))
                        .limit(3)
                        .toList();
        Map<String, INDArray> inputs =
                Nd4jGraphRunner.toArrays(
                        FusionInputs.of(
                                unsigned, encoding.shape(), FusionInputs.presence(unsigned)));

        assertThat(inputs.get(FusionNetwork.PRESENTED_ROWS).shape())
                .containsExactly(unsigned.size(), FusionInputs.MIN_IMAGES);
        assertThat(inputs.get(FusionNetwork.PRESENTED_ROWS).sumNumber().doubleValue()).isZero();
        assertThat(inputs.get(FusionNetwork.PRESENTED).sumNumber().doubleValue()).isZero();
    }
}
