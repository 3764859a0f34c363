package io.polygraph.job.join;

import io.polygraph.schema.JoinedTransaction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * The join's per-record signals as Flink counters (never log lines): how many transactions left
 * complete or with a missing modality, and how many inputs were dropped.
 */
final class JoinCounters {

    final Counter complete;
    final Counter profileMissing;
    final Counter presentedSignatureMissing;
    final Counter unclaimedSignaturesDropped;
    final Counter staleProfiles;

    JoinCounters(MetricGroup metrics) {
        complete = metrics.counter("joinedComplete");
        profileMissing = metrics.counter("joinedProfileMissing");
        presentedSignatureMissing = metrics.counter("joinedPresentedSignatureMissing");
        unclaimedSignaturesDropped = metrics.counter("unclaimedSignaturesDropped");
        staleProfiles = metrics.counter("staleProfilesIgnored");
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
