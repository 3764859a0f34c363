package io.polygraph.deploy.cli;

import io.polygraph.world.WorldConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Command-line options describing a synthetic world to generate: its seed and its shape. */
public final class WorldOptions {

    @Option(
            names = "--seed",
            description = "Seed of the world; same seed, same world. Default: ${DEFAULT-VALUE}.")
    long seed = WorldConfig.defaults().seed();

    @Mixin WorldShapeOptions shape = new WorldShapeOptions();

    /** The world these options describe, with seed {@code seed}. */
    public WorldConfig config(long seed) {
        return shape.config(seed);
    }

    /** The world these options describe. */
    public WorldConfig config() {
        return config(seed);
    }
}
