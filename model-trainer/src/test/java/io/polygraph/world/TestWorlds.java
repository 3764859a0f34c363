package io.polygraph.world;

import java.time.Duration;

/**
 * Worlds shared by the tests of this package, generated once per test JVM because generation costs
 * seconds.
 */
final class TestWorlds {

    private static World small;
    private static World standard;

    private TestWorlds() {}

    /** 40 customers over 14 days: quick, for structural checks. */
    static synchronized World small() {
        if (small == null) {
            small = WorldGenerator.generate(smallConfig());
        }
        return small;
    }

    static WorldConfig smallConfig() {
        return WorldConfig.defaults().withCustomers(40).withSpan(Duration.ofDays(14));
    }

    /** The default world (400 customers, 30 days): big enough for shares and medians. */
    static synchronized World standard() {
        if (standard == null) {
            standard = WorldGenerator.generate(WorldConfig.defaults());
        }
        return standard;
    }
}
