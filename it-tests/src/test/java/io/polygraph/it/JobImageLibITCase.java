package io.polygraph.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.deploy.cluster.ClusterConfiguration;
import io.polygraph.deploy.cluster.FlinkDistribution;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The jars the job image puts into Flink's lib/ ({@code deploy/target/image-lib}, filled by {@code
 * mvn package}; see deploy/docker/Dockerfile) against the local cluster's classpath and the job
 * jar. An integration test because it needs the deploy module packaged, which the reactor does
 * before it-tests runs.
 */
class JobImageLibITCase {

    private static final Path TARGET = Path.of(System.getProperty("polygraph.deploy.target"));

    @Test
    void theImageLibIsTheLocalClustersNativeStackWithoutFlinkOrTheJobJarsClasses() {
        Path imageLib = TARGET.resolve("image-lib");
        FlinkDistribution local = FlinkDistribution.inBuild(TARGET);
        assertThat(imageLib).as("built by mvn -pl deploy -am package").isDirectory();
        local.requireBuilt();

        Map<String, Set<String>> image = classesPerJar(imageLib);
        Map<String, Set<String>> localLib = classesPerJar(local.lib());

        // Every jar of the local cluster's classpath with a parent-first class is in the image ...
        assertThat(image.keySet()).containsAll(jarsWith(localLib, JobImageLibITCase::parentFirst));
        // ... and the image adds nothing the local cluster does not run with.
        assertThat(localLib.keySet()).containsAll(image.keySet());
        // Every pattern names classes that the image carries.
        for (String pattern : ClusterConfiguration.PARENT_FIRST_PATTERNS) {
            assertThat(jarsWith(image, name -> name.startsWith(pattern))).as(pattern).isNotEmpty();
        }
        // Flink's image has Flink and its logging: a second copy would sit beside it in lib/.
        assertThat(
                        jarsWith(
                                image,
                                name ->
                                        name.startsWith("org.apache.flink.")
                                                || name.startsWith("org.apache.logging.")
                                                || name.startsWith("org.slf4j.")))
                .isEmpty();
        // The job jar has none of the image's classes, so it never brings a second copy.
        Set<String> inBoth = new TreeSet<>(classes(local.jobJar()));
        inBoth.retainAll(union(image));
        assertThat(inBoth).isEmpty();
    }

    /** The jars with a class that {@code test} accepts. */
    private static Set<String> jarsWith(
            Map<String, Set<String>> classesPerJar, Predicate<String> test) {
        return classesPerJar.entrySet().stream()
                .filter(jar -> jar.getValue().stream().anyMatch(test))
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean parentFirst(String className) {
        return ClusterConfiguration.PARENT_FIRST_PATTERNS.stream().anyMatch(className::startsWith);
    }

    private static Map<String, Set<String>> classesPerJar(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            Map<String, Set<String>> jars = new TreeMap<>();
            files.filter(file -> file.getFileName().toString().endsWith(".jar"))
                    .forEach(jar -> jars.put(jar.getFileName().toString(), classes(jar)));
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The classes of a jar by name, without module-info and multi-release variants. */
    private static Set<String> classes(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream()
                    .map(entry -> entry.getName())
                    .filter(name -> name.endsWith(".class"))
                    .filter(name -> !name.startsWith("META-INF/"))
                    .filter(name -> !name.endsWith("module-info.class"))
                    .map(
                            name ->
                                    name.substring(0, name.length() - ".class".length())
                                            .replace('/', '.'))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> union(Map<String, Set<String>> classesPerJar) {
        Set<String> all = new HashSet<>();
        classesPerJar.values().forEach(all::addAll);
        return all;
    }
}
