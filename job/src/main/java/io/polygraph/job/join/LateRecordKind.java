package io.polygraph.job.join;

import io.polygraph.schema.CustomerProfile;
import io.polygraph.schema.EntityEvent;
import io.polygraph.schema.SignatureImage;
import io.polygraph.schema.SignaturePurpose;
import io.polygraph.schema.Transaction;

/**
 * The kinds of input record the join tells apart when one arrives behind the watermark, each with
 * the name of its counter and of its dead-letter error class.
 *
 * <p>What lateness does to a record depends on its kind (see {@link EntityJoinFunction}):
 * transactions and unclaimed presented signatures are diverted to the late output; profiles and
 * enrolment signatures are reference data whose latest version wins whatever the arrival order, so
 * they are applied and only counted.
 */
public enum LateRecordKind {
    TRANSACTION("transaction"),
    PRESENTED_SIGNATURE("presentedSignature"),
    PROFILE("profile"),
    ENROLMENT_SIGNATURE("enrolmentSignature");

    private final String metricName;

    LateRecordKind(String metricName) {
        this.metricName = metricName;
    }

    /** The kind of the record {@code event} wraps. */
    public static LateRecordKind of(EntityEvent event) {
        Object payload = event.getPayload();
        if (payload instanceof Transaction) {
            return TRANSACTION;
        }
        if (payload instanceof CustomerProfile) {
            return PROFILE;
        }
        if (payload instanceof SignatureImage signature) {
            return signature.getPurpose() == SignaturePurpose.ENROLMENT
                    ? ENROLMENT_SIGNATURE
                    : PRESENTED_SIGNATURE;
        }
        throw new IllegalArgumentException(
                "no record kind for payload "
                        + (payload == null ? "null" : payload.getClass().getName()));
    }

    /** The name of this kind's counter in the {@code lateRecords} metric group. */
    public String metricName() {
        return metricName;
    }

    /** The error class of this kind's dead letters, for example {@code LATE_TRANSACTION}. */
    public String errorClass() {
        return "LATE_" + name();
    }
}
