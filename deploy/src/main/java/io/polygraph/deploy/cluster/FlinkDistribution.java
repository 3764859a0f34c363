package io.polygraph.deploy.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a local Flink cluster runs from: a folder of jars that the build resolves from Maven Central
 * ({@code deploy/target/flink-dist/lib}: Flink's runtime artifacts, log4j, and the
 * DL4J/ND4J/JavaCPP stack) and the job jar that is submitted to it ({@code
 * deploy/target/polygraph-job.jar}).
 *
 * <p>Flink 2.x publishes no {@code flink-dist} bundle, so the distribution is those jars. The ND4J
 * stack sits on the cluster's classpath rather than in the job jar because a JVM loads a native
 * library in one class loader only: a job that is resubmitted, or restarted in a new user-code
 * class loader, on a task manager that already ran it would fail with "already loaded in another
 * classloader". Loaded from the cluster's class loader, the libraries are loaded once per JVM.
 *
 * @param lib the folder of jars that forms the cluster's classpath
 * @param jobJar the shaded job jar
 */
public record FlinkDistribution(Path lib, Path jobJar) {

    /** The distribution a build of the repository leaves under {@code deploy/target}. */
    public static FlinkDistribution inBuild(Path deployTarget) {
        return new FlinkDistribution(
                deployTarget.resolve("flink-dist").resolve("lib"),
                deployTarget.resolve("polygraph-job.jar"));
    }

    /** Fails with the command that builds the distribution when a part of it is missing. */
    public FlinkDistribution requireBuilt() {
        if (!Files.isDirectory(lib) || !Files.isRegularFile(jobJar)) {
            throw new IllegalStateException(
                    "no Flink distribution at "
                            + lib
                            + " or no job jar at "
                            + jobJar
                            + ": build it with `mvn -pl deploy -am package -DskipTests`");
        }
        return this;
    }

    /** The classpath argument of a cluster JVM: every jar of {@link #lib}. */
    public String classpath() {
        return lib.toAbsolutePath() + "/*";
    }

    /** The {@code java} executable of the running JVM, which the cluster JVMs use too. */
    public static String javaExecutable() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElseGet(
                        () -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Size of the job jar in bytes. */
    public long jobJarSize() {
        try {
            return Files.size(jobJar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
