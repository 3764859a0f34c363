package io.polygraph.job.join;

import io.polygraph.schema.JoinedTransaction;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * The join's per-record signals as Flink counters (never log lines): how many transactions left
 * complete or with a missing modality, how many inputs were dropped or arrived late, and how many
 * idle entities were expired.
 */
final class JoinCounters {

    final Counter complete;
    final Counter profileMissing;
    final Counter presentedSignatureMissing;
    final Counter unclaimedSignaturesDropped;
    final Counter staleProfiles;
    final Counter entitiesExpired;
    private final Map<LateRecordKind, Counter> lateRecords = new EnumMap<>(LateRecordKind.class);

    JoinCounters(MetricGroup metrics) {
        complete = metrics.counter("joinedComplete");
        profileMissing = metrics.counter("joinedProfileMissing");
        presentedSignatureMissing = metrics.counter("joinedPresentedSignatureMissing");
        unclaimedSignaturesDropped = metrics.counter("unclaimedSignaturesDropped");
        staleProfiles = metrics.counter("staleProfilesIgnored");
        entitiesExpired = metrics.counter("idleEntitiesExpired");
        MetricGroup late = metrics.addGroup("lateRecords");
        for (LateRecordKind kind : LateRecordKind.values()) {
            lateRecords.put(kind, late.counter(kind.metricName()));
        }
    }

    /** Counts a record of {@code kind} that arrived behind the watermark. */
    void countLate(LateRecordKind kind) {
        lateRecords.get(kind).inc();
    }

    /** Counts an emitted record by what it lacks. */
    void count(JoinedTransaction joined) {
        boolean noProfile = joined.getProfile() == null;
        boolean noSignature =
                joined.getTransaction().getSignatureCaptured()
                        && joined.getPresentedSignature() == null;
        if (noProfile) {
            profileMissing.inc();
        }
        if (noSignature) {
            presentedSignatureMissing.inc();
        }
        if (!noProfile && !noSignature) {
            complete.inc();
        }
    }
}
