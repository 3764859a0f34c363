package io.polygraph.deploy.cli;

import io.polygraph.world.SignatureSource;
import io.polygraph.world.WorldConfig;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * Command-line options describing the shape of synthetic worlds (size, span, signatures), for
 * commands that choose the seeds themselves.
 */
public final class WorldShapeOptions {

    @Option(names = "--customers", description = "Number of customers. Default: ${DEFAULT-VALUE}.")
    int customers = WorldConfig.defaults().customers();

    @Option(names = "--days", description = "Days of transactions. Default: ${DEFAULT-VALUE}.")
    int days = (int) WorldConfig.defaults().span().toDays();

    @Option(
            names = "--real-signatures",
            paramLabel = "DIR",
            description =
                    "Give customers real writers from DIR/<writer>/{genuine,forged}/*.png (e.g."
                            + " ../shared/data/signatures) instead of procedural signatures.")
    Path realSignatures;

    /** The world these options describe, with seed {@code seed}. */
    public WorldConfig config(long seed) {
        WorldConfig config =
                WorldConfig.defaults()
                        .withSeed(seed)
                        .withCustomers(customers)
                        .withSpan(Duration.ofDays(days));
        return realSignatures == null
                ? config
                : config.withSignatureSource(new SignatureSource.RealWriters(realSignatures));
    }
}
