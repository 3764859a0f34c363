package io.polygraph.job.alert;

import io.polygraph.detector.ReasonCodes;
import io.polygraph.schema.Alert;
import io.polygraph.schema.ModalityWeight;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The one-line, human-readable {@code summary} of an alert, built from its decision, reason codes
 * and modality weights (never from payload fields, which the alert does not hold).
 *
 * <p>Reason codes stay the machine-readable truth; this line is for the person on duty. A code
 * without a phrase here (a detector newer than this class) is shown in lower case rather than
 * dropped.
 */
public final class AlertSummary {

    private static final Map<String, String> PHRASES =
            Map.ofEntries(
                    Map.entry(
                            ReasonCodes.SIGNATURE_INCONSISTENT,
                            "signature inconsistent with enrolment"),
                    Map.entry(
                            ReasonCodes.BEHAVIOUR_INCONSISTENT_WITH_PROFILE,
                            "spending inconsistent with profile"),
                    Map.entry(
                            ReasonCodes.BEHAVIOUR_INCONSISTENT_WITH_HISTORY,
                            "spending inconsistent with recent transactions"),
                    Map.entry(ReasonCodes.PROFILE_MISSING, "profile missing"),
                    Map.entry(
                            ReasonCodes.ENROLMENT_SIGNATURE_MISSING,
                            "no enrolment signature to compare with"),
                    Map.entry(
                            ReasonCodes.PRESENTED_SIGNATURE_MISSING,
                            "announced signature never arrived"),
                    Map.entry(ReasonCodes.SIGNATURE_UNREADABLE, "signature image unreadable"),
                    Map.entry(ReasonCodes.SCORED_ANOMALOUS, "anomalous as a whole"),
                    Map.entry(
                            ReasonCodes.RECONSTRUCTION_ANOMALOUS,
                            "unlike the normal records the model learned"),
                    Map.entry("PROFILE_INCONSISTENT", "profile inconsistent with the rest"),
                    Map.entry("TRANSACTION_INCONSISTENT", "transaction inconsistent with the rest"),
                    Map.entry("HISTORY_INCONSISTENT", "recent transactions inconsistent"),
                    Map.entry(
                            "ENROLMENT_SIGNATURE_INCONSISTENT",
                            "enrolment signature inconsistent with the rest"));

    private AlertSummary() {}

    /** The summary of {@code alert}, whose decision fields (severity, scores) are final. */
    public static String of(Alert alert) {
        StringBuilder line = new StringBuilder();
        line.append(alert.getSeverity()).append(": score ").append(format(alert.getScore()));
        if (alert.getSmoothedScore() != null) {
            line.append(" (smoothed ").append(format(alert.getSmoothedScore())).append(')');
        }
        line.append(" below threshold ").append(format(alert.getThreshold()));
        StringJoiner reasons = new StringJoiner("; ", ": ", "");
        reasons.setEmptyValue("");
        for (String code : alert.getReasonCodes()) {
            reasons.add(
                    PHRASES.getOrDefault(code, code.toLowerCase(Locale.ROOT).replace('_', ' ')));
        }
        line.append(reasons);
        List<ModalityWeight> weights = alert.getModalityWeights();
        if (!weights.isEmpty()) {
            ModalityWeight heaviest = weights.get(0);
            line.append("; most attention on ")
                    .append(heaviest.getName())
                    .append(" (")
                    .append(format(heaviest.getWeight()))
                    .append(')');
        }
        return line.toString();
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
