package io.polygraph.eval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportJsonWriterTest {

    private final ReportJsonWriter writer = new ReportJsonWriter();

    @Test
    void readsBackEqualFromTheFile(@TempDir Path dir) throws Exception {
        DatasetEvaluation evaluation = TestEvaluations.evaluation();
        Path file = dir.resolve("report.json");

        writer.write(evaluation, file);

        assertThat(writer.read(file)).isEqualTo(evaluation);
    }

    @Test
    void holdsEveryFigureAReaderNeeds() throws Exception {
        JsonNode json = new ObjectMapper().readTree(writer.toJson(TestEvaluations.evaluation()));

        assertThat(json.get("formatVersion").asInt()).isEqualTo(DatasetEvaluation.FORMAT_VERSION);
        assertThat(json.get("dataset").asText()).isEqualTo("tiny-world");
        JsonNode cmad = json.get("detectors").get(0);
        assertThat(cmad.get("name").asText()).isEqualTo("CMAD");
        assertThat(cmad.get("config").get("epochs").asInt()).isEqualTo(5);
        assertThat(cmad.get("config").get("hidden").get(1).asInt()).isEqualTo(32);
        assertThat(cmad.get("summary").get("auroc").get("count").asInt()).isEqualTo(3);
        assertThat(cmad.get("summary").get("accuracy").get("standardDeviation").isNumber())
                .isTrue();
        assertThat(cmad.get("flaggedShareByType").has("OUTLIER")).isTrue();
        JsonNode run = cmad.get("runs").get(1);
        assertThat(run.get("seed").asLong()).isEqualTo(2);
        assertThat(run.get("wallTimeSeconds").asDouble()).isEqualTo(4.5);
        JsonNode metrics = run.get("metrics");
        for (String field :
                List.of("auroc", "auprc", "precision", "recall", "f1", "accuracy", "threshold")) {
            assertThat(metrics.get(field).isNumber()).as(field).isTrue();
        }
        assertThat(metrics.get("confusion").get("truePositives").isIntegralNumber()).isTrue();
        assertThat(metrics.get("byType").get("NORMAL").get("records").asLong()).isEqualTo(170);
        assertThat(run.get("roc").get("points").get(0).get("x").asDouble()).isZero();
        assertThat(run.get("scoreHistogram").get("binEdges"))
                .hasSize(ScoreHistogram.DEFAULT_BINS + 1);
        assertThat(run.get("trainingLoss").get(0).get("points").get(4).get("loss").asText())
                .isEqualTo("NaN");
        assertThat(json.get("heatMaps").get(1).get("title").asText()).isEqualTo("recall");
    }

    @Test
    void readsBackFailedRunsAndADetectorWithoutSuccessfulRuns() {
        DatasetEvaluation evaluation = TestEvaluations.evaluationWithFailures();

        String json = writer.toJson(evaluation);
        DatasetEvaluation read = writer.fromJson(json);

        assertThat(read).isEqualTo(evaluation);
        assertThat(read.detectors().get(0).failedRuns())
                .containsExactly(
                        new FailedRun(4, 1.5, "training diverged: cmad loss epoch 2 loss NaN"));
        DetectorEvaluation gan = read.detectors().get(1);
        assertThat(gan.runs()).isEmpty();
        assertThat(gan.failedRuns()).extracting(FailedRun::seed).containsExactly(1L, 2L);
        assertThat(gan.summaryOf(ReportMetric.values()[0]).count()).isZero();
        assertThat(gan.summaryOf(ReportMetric.values()[0]).mean()).isNaN();
        assertThat(json).contains("\"failedRuns\"", "\"reason\"");
    }

    @Test
    void readsAReportWithoutFailedRunsAsHavingNone() {
        String json = writer.toJson(TestEvaluations.evaluation());
        String withoutField = json.replaceAll(",\\s*\"failedRuns\" : \\[ \\]", "");
        assertThat(withoutField).doesNotContain("failedRuns");

        DatasetEvaluation read = writer.fromJson(withoutField);

        assertThat(read.detectors()).allSatisfy(d -> assertThat(d.failedRuns()).isEmpty());
        assertThat(read).isEqualTo(TestEvaluations.evaluation());
    }

    @Test
    void keepsNaNAsAStringThatReadsBack() {
        DatasetEvaluation evaluation = TestEvaluations.evaluation();

        String json = writer.toJson(evaluation);

        assertThat(json).contains("\"NaN\"").doesNotContain(": NaN");
        assertThat(writer.fromJson(json).heatMaps().get(0).values().get(0).get(0)).isNaN();
    }

    @Test
    void rejectsAnotherFormatVersionAndUnknownFields() {
        String json = writer.toJson(TestEvaluations.evaluation());

        assertThatThrownBy(
                        () ->
                                writer.fromJson(
                                        json.replaceFirst(
                                                "\"formatVersion\" : "
                                                        + DatasetEvaluation.FORMAT_VERSION,
                                                "\"formatVersion\" : 99")))
                .hasMessageContaining("99");
        assertThatThrownBy(
                        () ->
                                writer.fromJson(
                                        json.replaceFirst(
                                                "\"dataset\"", "\"surprise\" : 1, \"dataset\"")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsAVersionOneReportAsRunsBySeed() {
        DatasetEvaluation evaluation = TestEvaluations.evaluation();
        String current = writer.toJson(evaluation);
        // Version 1 had no run label: every run was a seed.
        String versionOne =
                current.replaceFirst(
                                "\"formatVersion\" : " + DatasetEvaluation.FORMAT_VERSION,
                                "\"formatVersion\" : 1")
                        .replaceFirst(",\\s*\"runLabel\" : \"seed\"", "");
        assertThat(versionOne).doesNotContain("runLabel").contains("\"formatVersion\" : 1");

        DatasetEvaluation read = writer.fromJson(versionOne);

        assertThat(read.runLabel()).isEqualTo(DatasetEvaluation.SEED_RUNS);
        assertThat(read.detectors()).isEqualTo(evaluation.detectors());
    }

    @Test
    void keepsTheRunLabelOfAProtocolWhoseRunsAreNotSeeds() {
        DatasetEvaluation byDigit =
                DatasetEvaluation.withRuns(
                        "held-out digit",
                        "mnist-leave-one-digit-out",
                        "each run leaves one digit out",
                        TestEvaluations.evaluation().detectors());

        assertThat(writer.fromJson(writer.toJson(byDigit)).runLabel()).isEqualTo("held-out digit");
    }
}
