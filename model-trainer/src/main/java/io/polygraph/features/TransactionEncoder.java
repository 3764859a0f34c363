package io.polygraph.features;

import io.polygraph.schema.Transaction;
import java.time.DayOfWeek;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Encodes the transaction modality, the current transaction together with a summary of the entity's
 * recent transactions, into raw (unstandardised) features.
 *
 * <p>Three blocks, in order (feature spec version {@link FeatureSpec#VERSION}):
 *
 * <ol>
 *   <li>the current transaction: log amount, merchant category, channel and currency one-hot, hour
 *       of day (sine and cosine), weekend flag, signature-captured and device-present flags;
 *   <li>the recent history ({@link RecentHistory}): count, mean and spread of log amounts, category
 *       and channel mix, mean hour, share of night payments, has-history flag;
 *   <li>how the current transaction departs from that history: amount z-score, whether the merchant
 *       and the device were seen before, how usual its category, channel and country are, distance
 *       to the nearest recent location, hours since the previous transaction, circular distance to
 *       the usual hour.
 * </ol>
 *
 * <p>Where a payment happens enters only relative to the entity's own history (third block), never
 * as coordinates or region: with absolute places, the network learns "this is where that customer
 * lives", which is what tells one customer's transactions from another's during training, and then
 * flags every holiday; a KYC profile says little about where its holder may pay. Hours are a sine
 * and cosine rather than one-hot bins, so that hours no normal customer pays in (the small hours)
 * extrapolate from the neighbouring ones instead of hitting weights that training never touched.
 * Why a hand-made summary and not a sequence model over the recent list: the order carries little
 * the summary does not, and the summary is cheap on two CPU cores. Hours are UTC (the synthetic
 * world's regions lie within two hours of it; a production encoder would use local time).
 * Deterministic and thread-safe.
 */
public final class TransactionEncoder {

    private final FeatureVocabularies vocabularies;

    public TransactionEncoder(FeatureVocabularies vocabularies) {
        this.vocabularies = Objects.requireNonNull(vocabularies, "vocabularies");
    }

    /** Number of columns of an encoded transaction. */
    public int width() {
        FeatureVocabularies v = vocabularies;
        int current =
                1 + v.merchantCategories().size() + v.channels().size() + v.currencies().size() + 5;
        return current + RecentHistory.summaryWidth(v) + RecentHistory.DEPARTURE_WIDTH;
    }

    /** The raw features of {@code current} given the entity's {@code recent} transactions. */
    FeatureRow encode(Transaction current, List<Transaction> recent) {
        FeatureRow row = new FeatureRow(width());
        appendCurrent(row, current);
        RecentHistory history = RecentHistory.of(recent, vocabularies);
        history.appendSummary(row);
        history.appendDeparture(row, current);
        return row;
    }

    private void appendCurrent(FeatureRow row, Transaction current) {
        FeatureVocabularies v = vocabularies;
        ZonedDateTime at = current.getEventTime().atZone(ZoneOffset.UTC);
        double hour = at.getHour() + at.getMinute() / 60.0;
        DayOfWeek day = at.getDayOfWeek();
        row.number(logAmount(current))
                .oneHot(
                        v.merchantCategories().slot(current.getMerchantCategory()),
                        v.merchantCategories().size())
                .oneHot(v.channels().slot(current.getChannel().name()), v.channels().size())
                .oneHot(v.currencies().slot(current.getCurrency()), v.currencies().size())
                .number(Math.sin(2 * Math.PI * hour / 24))
                .number(Math.cos(2 * Math.PI * hour / 24))
                .flag(day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY)
                .flag(current.getSignatureCaptured())
                .flag(current.getDeviceId() != null);
    }

    /** Log of the amount in major units; the log makes income bands differ by a shift. */
    static double logAmount(Transaction transaction) {
        return Math.log1p(Math.max(0, transaction.getAmountMinor()) / 100.0);
    }
}
