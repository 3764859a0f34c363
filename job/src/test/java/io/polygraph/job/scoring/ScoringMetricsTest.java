package io.polygraph.job.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.detector.BatchScorer;
import io.polygraph.detector.EnrolmentCanvases;
import io.polygraph.detector.ModelInfo;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.detector.RecordScore;
import io.polygraph.detector.SignatureCanvases;
import io.polygraph.job.FixedScorer;
import io.polygraph.schema.ImageFormat;
import io.polygraph.schema.SignatureImage;
import io.polygraph.schema.SignaturePurpose;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.junit.jupiter.api.Test;

class ScoringMetricsTest {

    private final InterceptingOperatorMetricGroup group = new InterceptingOperatorMetricGroup();
    private final ScoringMetrics metrics = new ScoringMetrics(group);

    @Test
    void theGaugesReadTheEnrolmentCanvasesOfTheScorerScoringNow() {
        EnrolmentCanvases kept = new EnrolmentCanvases(8);
        SignatureImage enrolment = undecodableEnrolment();
        new SignatureCanvases(kept).ofEnrolment(enrolment);
        new SignatureCanvases(kept).ofEnrolment(enrolment);
        new SignatureCanvases(kept).ofEnrolment(enrolment);
        AtomicReference<BatchScorer> primary = new AtomicReference<>(keeping(kept));

        metrics.watchEnrolmentCanvases(primary::get);

        assertThat(gauge("enrolmentCanvasHits")).isEqualTo(2L);
        assertThat(gauge("enrolmentCanvasMisses")).isEqualTo(1L);
        assertThat(gauge("enrolmentCanvasesKept")).isEqualTo(1);

        primary.set(new FixedScorer());

        assertThat(gauge("enrolmentCanvasHits")).isEqualTo(0L);
        assertThat(gauge("enrolmentCanvasMisses")).isEqualTo(0L);
        assertThat(gauge("enrolmentCanvasesKept")).isEqualTo(0);
    }

    private Object gauge(String name) {
        return ((Gauge<?>) group.get(name)).getValue();
    }

    private static BatchScorer keeping(EnrolmentCanvases kept) {
        FixedScorer scorer = new FixedScorer();
        return new BatchScorer() {
            @Override
            public ModelInfo modelInfo() {
                return scorer.modelInfo();
            }

            @Override
            public List<RecordScore> score(List<MultimodalRecord> batch) {
                return scorer.score(batch);
            }

            @Override
            public Optional<EnrolmentCanvases> enrolmentCanvases() {
                return Optional.of(kept);
            }

            @Override
            public void close() {
                scorer.close();
            }
        };
    }

    /** Kept like any other enrolment (as undecodable), with no image to make. */
    private static SignatureImage undecodableEnrolment() {
        return SignatureImage.newBuilder()
                .setEntityId("c-1")
                .setCapturedAt(Instant.parse("2025-06-01T12:00:00Z"))
                .setPurpose(SignaturePurpose.ENROLMENT)
                .setTransactionId(null)
                .setFormat(ImageFormat.PNG)
                .setImageBytes(ByteBuffer.wrap("not an image".getBytes(StandardCharsets.US_ASCII)))
                .setWidth(220)
                .setHeight(90)
                .build();
    }
}
