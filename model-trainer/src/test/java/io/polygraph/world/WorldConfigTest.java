package io.polygraph.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WorldConfigTest {

    @Test
    void defaultsDescribeTheStandardWorld() {
        WorldConfig config = WorldConfig.defaults();

        assertThat(config.seed()).isEqualTo(42L);
        assertThat(config.customers()).isEqualTo(400);
        assertThat(config.start()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(config.span()).isEqualTo(Duration.ofDays(30));
        assertThat(config.transactionsPerCustomerPerDay()).isEqualTo(2.0);
        assertThat(config.signatureCaptureShare()).isEqualTo(0.25);
        assertThat(config.signatureMismatchRate()).isEqualTo(0.08);
        assertThat(config.behaviourMismatchRate()).isEqualTo(0.02);
        assertThat(config.outlierRate()).isEqualTo(0.005);
        assertThat(config.signatureSource()).isEqualTo(new SignatureSource.Procedural());
        assertThat(config.end()).isEqualTo(Instant.parse("2026-01-31T00:00:00Z"));
    }

    @Test
    void withersChangeOnlyTheirField() {
        WorldConfig base = WorldConfig.defaults();
        SignatureSource real = new SignatureSource.RealWriters(Path.of("signatures"));

        assertThat(base.withSeed(7)).isEqualTo(copyWith(base, 7, base.customers()));
        assertThat(base.withCustomers(12)).isEqualTo(copyWith(base, base.seed(), 12));
        assertThat(base.withSpan(Duration.ofDays(3)).span()).isEqualTo(Duration.ofDays(3));
        assertThat(base.withStart(Instant.EPOCH).start()).isEqualTo(Instant.EPOCH);
        assertThat(base.withTransactionsPerCustomerPerDay(5).transactionsPerCustomerPerDay())
                .isEqualTo(5);
        assertThat(base.withSignatureCaptureShare(0.5).signatureCaptureShare()).isEqualTo(0.5);
        assertThat(base.withSignatureMismatchRate(0.1).signatureMismatchRate()).isEqualTo(0.1);
        assertThat(base.withBehaviourMismatchRate(0.1).behaviourMismatchRate()).isEqualTo(0.1);
        assertThat(base.withOutlierRate(0.1).outlierRate()).isEqualTo(0.1);
        assertThat(base.withSignatureSource(real).signatureSource()).isEqualTo(real);
        assertThat(base.withSignatureSource(real).withSignatureSource(base.signatureSource()))
                .isEqualTo(base);
    }

    @Test
    void rejectsValuesThatMakeNoWorld() {
        WorldConfig base = WorldConfig.defaults();

        assertThatThrownBy(() -> base.withCustomers(0)).hasMessageContaining("customers");
        assertThatThrownBy(() -> base.withSpan(Duration.ofSeconds(5))).hasMessageContaining("span");
        assertThatThrownBy(() -> base.withTransactionsPerCustomerPerDay(0))
                .hasMessageContaining("transactionsPerCustomerPerDay");
        assertThatThrownBy(() -> base.withSignatureMismatchRate(1.5))
                .hasMessageContaining("signatureMismatchRate");
        assertThatThrownBy(() -> base.withOutlierRate(-0.1)).hasMessageContaining("outlierRate");
        assertThatThrownBy(() -> base.withSignatureCaptureShare(Double.NaN))
                .hasMessageContaining("signatureCaptureShare");
        assertThatThrownBy(() -> base.withBehaviourMismatchRate(0.4).withOutlierRate(0.3))
                .hasMessageContaining("behaviourMismatchRate + outlierRate");
        assertThatThrownBy(() -> base.withSignatureSource(null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void startIsTruncatedToMillisecondsLikeAvroTimestamps() {
        WorldConfig config =
                WorldConfig.defaults().withStart(Instant.parse("2026-01-01T00:00:00.123456Z"));

        assertThat(config.start()).isEqualTo(Instant.parse("2026-01-01T00:00:00.123Z"));
    }

    private static WorldConfig copyWith(WorldConfig c, long seed, int customers) {
        return new WorldConfig(
                seed,
                customers,
                c.start(),
                c.span(),
                c.transactionsPerCustomerPerDay(),
                c.signatureCaptureShare(),
                c.signatureMismatchRate(),
                c.behaviourMismatchRate(),
                c.outlierRate(),
                c.signatureSource());
    }
}
