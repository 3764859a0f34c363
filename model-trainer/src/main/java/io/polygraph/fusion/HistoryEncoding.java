package io.polygraph.fusion;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.features.FeatureVocabularies;
import io.polygraph.schema.Transaction;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Encodes an entity's recent transactions as a sequence, one row per transaction, for the LSTM
 * extractor of the history modality.
 *
 * <p>Each step: the standardised log amount, the merchant category and channel one-hot, the hour as
 * sine and cosine, the weekend, signature-captured and device-present flags, and how long before
 * the scored transaction it happened (log of hours, divided by 5 so that a month is about 1). The
 * last {@code steps} transactions are kept, oldest first, right-aligned: a shorter history leaves
 * its first rows empty with step mask 0, so that the most recent transaction is always the last
 * step the LSTM reads. Places are left out for the reason {@code TransactionEncoder} gives.
 * Deterministic and thread-safe.
 *
 * @param steps how many recent transactions the sequence holds
 * @param logAmountMean mean of {@code log1p(amount)} over the training steps
 * @param logAmountStd its standard deviation (at least 1e-6)
 */
public record HistoryEncoding(int steps, double logAmountMean, double logAmountStd) {

    private static final double GAP_SCALE = 5.0;

    @JsonCreator
    public HistoryEncoding(
            @JsonProperty("steps") int steps,
            @JsonProperty("logAmountMean") double logAmountMean,
            @JsonProperty("logAmountStd") double logAmountStd) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        if (!(logAmountStd > 0) || !Double.isFinite(logAmountMean)) {
            throw new IllegalArgumentException("log amount scaling must be finite, std > 0");
        }
        this.steps = steps;
        this.logAmountMean = logAmountMean;
        this.logAmountStd = logAmountStd;
    }

    /** Fits the amount scaling on the recent transactions of {@code records}. */
    public static HistoryEncoding fit(List<MultimodalRecord> records, int steps) {
        double sum = 0;
        double sumSquares = 0;
        long count = 0;
        for (MultimodalRecord record : records) {
            for (Transaction transaction : window(record.recentTransactions(), steps)) {
                double value = logAmount(transaction);
                sum += value;
                sumSquares += value * value;
                count++;
            }
        }
        if (count == 0) {
            return new HistoryEncoding(steps, 0, 1);
        }
        double mean = sum / count;
        double variance = Math.max(0, sumSquares / count - mean * mean);
        return new HistoryEncoding(steps, mean, Math.max(1e-6, Math.sqrt(variance)));
    }

    /** Columns of one step. */
    public int stepWidth(FeatureVocabularies vocabularies) {
        return 1 + vocabularies.merchantCategories().size() + vocabularies.channels().size() + 6;
    }

    /**
     * Writes the record's sequence, flattened to {@code steps * stepWidth}, into {@code sequence}
     * at {@code offset}, and its step mask into {@code mask} at {@code maskOffset}.
     *
     * @return the number of steps present
     */
    public int encode(
            MultimodalRecord record,
            FeatureVocabularies vocabularies,
            float[] sequence,
            int offset,
            float[] mask,
            int maskOffset) {
        List<Transaction> recent = window(record.recentTransactions(), steps);
        int width = stepWidth(vocabularies);
        int first = steps - recent.size();
        for (int k = 0; k < recent.size(); k++) {
            int at = offset + (first + k) * width;
            encodeStep(recent.get(k), record.transaction(), vocabularies, sequence, at);
            mask[maskOffset + first + k] = 1f;
        }
        return recent.size();
    }

    private void encodeStep(
            Transaction step,
            Transaction scored,
            FeatureVocabularies vocabularies,
            float[] out,
            int at) {
        int categories = vocabularies.merchantCategories().size();
        int channels = vocabularies.channels().size();
        out[at] = (float) ((logAmount(step) - logAmountMean) / logAmountStd);
        out[at + 1 + vocabularies.merchantCategories().slot(step.getMerchantCategory())] = 1f;
        int next = at + 1 + categories;
        out[next + vocabularies.channels().slot(step.getChannel().name())] = 1f;
        next += channels;
        ZonedDateTime time = step.getEventTime().atZone(ZoneOffset.UTC);
        double hour = time.getHour() + time.getMinute() / 60.0;
        out[next] = (float) Math.sin(2 * Math.PI * hour / 24);
        out[next + 1] = (float) Math.cos(2 * Math.PI * hour / 24);
        DayOfWeek day = time.getDayOfWeek();
        out[next + 2] = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? 1f : 0f;
        out[next + 3] = step.getSignatureCaptured() ? 1f : 0f;
        out[next + 4] = step.getDeviceId() != null ? 1f : 0f;
        double hours =
                Math.max(
                                0,
                                Duration.between(step.getEventTime(), scored.getEventTime())
                                        .toMinutes())
                        / 60.0;
        out[next + 5] = (float) (Math.log1p(hours) / GAP_SCALE);
    }

    private static List<Transaction> window(List<Transaction> recent, int steps) {
        return recent.size() <= steps
                ? recent
                : recent.subList(recent.size() - steps, recent.size());
    }

    private static double logAmount(Transaction transaction) {
        return Math.log1p(Math.max(0, transaction.getAmountMinor()) / 100.0);
    }
}
