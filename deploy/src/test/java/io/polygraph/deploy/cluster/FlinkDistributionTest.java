package io.polygraph.deploy.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlinkDistributionTest {

    @TempDir Path target;

    @Test
    void aBuildLeavesTheJarsInFlinkDistLibAndTheJobJarBesideThem() {
        FlinkDistribution distribution = FlinkDistribution.inBuild(target);

        assertThat(distribution.lib()).isEqualTo(target.resolve("flink-dist/lib"));
        assertThat(distribution.jobJar()).isEqualTo(target.resolve("polygraph-job.jar"));
    }

    @Test
    void theClasspathIsEveryJarOfLib() {
        FlinkDistribution distribution = FlinkDistribution.inBuild(target);

        assertThat(distribution.classpath()).isEqualTo(target.resolve("flink-dist/lib") + "/*");
    }

    @Test
    void aMissingDistributionNamesTheCommandThatBuildsIt() throws Exception {
        FlinkDistribution distribution = FlinkDistribution.inBuild(target);

        assertThatThrownBy(distribution::requireBuilt)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mvn -pl deploy -am package");

        Files.createDirectories(distribution.lib());
        Files.write(distribution.jobJar(), new byte[] {1, 2, 3});
        assertThat(distribution.requireBuilt()).isSameAs(distribution);
        assertThat(distribution.jobJarSize()).isEqualTo(3);
    }
}
