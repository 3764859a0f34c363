package io.polygraph.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.job.config.PolygraphOptions;
import io.polygraph.world.World;
import io.polygraph.world.WorldEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The world a latency run primes the job with, against the world it then measures. */
class PacedLatencyRunTest {

    @Test
    void thePrimingWorldEndsBeforeTheMeasuredWorldBeginsByMoreThanTheOutOfOrderness() {
        World priming = PacedLatencyRun.primingWorld();
        World measured = EndToEndThroughput.world(20);

        List<WorldEvent> primingEvents = priming.eventsInTimeOrder();
        long primingEnd = primingEvents.get(primingEvents.size() - 1).eventTimeMillis();
        long measuredStart = measured.eventsInTimeOrder().get(0).eventTimeMillis();

        // Otherwise the watermark the priming leaves would make measured records late.
        assertThat(measuredStart - primingEnd)
                .isGreaterThan(PolygraphOptions.OUT_OF_ORDERNESS.defaultValue().toMillis());
        assertThat(priming.config().customers()).isEqualTo(PacedLatencyRun.PRIMING_CUSTOMERS);
        // Several seconds of the job's work, so that it reaches its steady state.
        assertThat(primingEvents).hasSizeGreaterThan(5_000);
    }

    @Test
    void primingAlertsShareTransactionIdsWithTheMeasuredWorldSoTheyAreToldApartByArrivalOrder() {
        World priming = PacedLatencyRun.primingWorld();
        World measured = EndToEndThroughput.world(20);

        List<String> measuredIds =
                measured.transactions().stream().map(t -> t.getTransactionId()).toList();

        assertThat(priming.transactions())
                .extracting(t -> t.getTransactionId())
                .containsAnyElementsOf(measuredIds);
    }
}
