package io.polygraph.job.join;

import io.polygraph.schema.EntityEvent;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;

/**
 * A record the join diverted because it arrived behind the watermark, with the watermark it was
 * compared with, so that whoever handles it can say by how much it was late.
 *
 * <p>A Flink POJO (public fields, no-arg constructor) with the explicit {@link #TYPE}, so that
 * neither the record nor the side output ever needs Kryo; the wrapped event stays Avro.
 */
public final class LateRecord {

    /** The type information of the late output. */
    public static final TypeInformation<LateRecord> TYPE =
            Types.POJO(
                    LateRecord.class,
                    Map.of(
                            "event",
                            new AvroTypeInfo<>(EntityEvent.class),
                            "watermark",
                            Types.LONG));

    /** The diverted record. */
    public EntityEvent event;

    /** The join's watermark when the record arrived, epoch millis. */
    public long watermark;

    /** For Flink's POJO serializer. */
    public LateRecord() {}

    public LateRecord(EntityEvent event, long watermark) {
        this.event = event;
        this.watermark = watermark;
    }

    /** How far (millis, never negative) the record's event time lies behind the watermark. */
    public long latenessMillis() {
        return Math.max(0, watermark - event.getEventTime().toEpochMilli());
    }
}
