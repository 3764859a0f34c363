package io.polygraph.eval.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes a {@link DatasetEvaluation} as report.json, and reads it back.
 *
 * <p>Contract: the JSON is the records' own shape (component names as keys, component order kept),
 * indented for diffing. It holds every metric of every run, the seeds, configs, wall times, the
 * summaries over seeds, the downsampled curves as point lists, per-type breakdowns, histogram bins
 * and loss curves, and the runs that failed with their reasons (a report without {@code
 * failedRuns}, written before runs could fail, reads as having none), but no per-record scores.
 * Non-finite numbers (a NaN AUROC, the standard deviation of a single seed) are written as the
 * strings "NaN", "Infinity" and "-Infinity", which keeps the file valid JSON; Jackson reads them
 * back as the doubles, and Python's {@code float("NaN")} understands them. Reading is strict:
 * unknown fields and another {@code formatVersion} (other than the older ones still understood) are
 * errors, since a silently half-read report is worse than none.
 */
public final class ReportJsonWriter {

    private static final ObjectMapper MAPPER =
            JsonMapper.builder()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build();

    /** The report as JSON text. */
    public String toJson(DatasetEvaluation evaluation) {
        Objects.requireNonNull(evaluation, "evaluation");
        try {
            return MAPPER.writeValueAsString(evaluation);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "report of dataset '" + evaluation.dataset() + "' cannot be written as JSON",
                    e);
        }
    }

    /** Writes the report to {@code file}, replacing it. */
    public void write(DatasetEvaluation evaluation, Path file) throws IOException {
        Files.writeString(file, toJson(evaluation));
    }

    /** Reads a report written by {@link #write}. */
    public DatasetEvaluation read(Path file) throws IOException {
        return fromJson(Files.readString(file));
    }

    /** Parses report JSON text. */
    public DatasetEvaluation fromJson(String json) {
        DatasetEvaluation evaluation;
        try {
            evaluation = MAPPER.readValue(json, DatasetEvaluation.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a readable evaluation report", e);
        }
        if (evaluation.formatVersion() < DatasetEvaluation.OLDEST_READABLE_VERSION
                || evaluation.formatVersion() > DatasetEvaluation.FORMAT_VERSION) {
            throw new IllegalArgumentException(
                    "report format version "
                            + evaluation.formatVersion()
                            + " is not one of the supported "
                            + DatasetEvaluation.OLDEST_READABLE_VERSION
                            + " to "
                            + DatasetEvaluation.FORMAT_VERSION);
        }
        return evaluation;
    }
}
