package io.polygraph.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The job image (docker/Dockerfile, never built here: no Docker on the build machine) against the
 * build and the manifests. The Dockerfile is read as text: it must copy the folder and the jar that
 * deploy/pom.xml fills to where Flink and the FlinkDeployment look. The jars of the image's lib/
 * folder are checked by {@code JobImageLibITCase} in it-tests, once the module is packaged.
 */
class JobImageTest {
    /** Surefire runs in the module directory; the Dockerfile's paths start at the repository. */
    private static final Path DOCKERFILE = Path.of("docker", "Dockerfile");

    private static final Path POM = Path.of("pom.xml");
    private static final String MODULE = "deploy/";

    @Test
    void theDockerfileCopiesWhatTheBuildFillsToWhereFlinkAndTheJarUriLook() throws IOException {
        List<String> lines = Files.readAllLines(DOCKERFILE);
        Map<String, String> args = argDefaults(lines);
        List<String> copies = copies(lines);
        String jarUri =
                KubernetesManifestsTest.flinkDeployment(
                                KustomizeBuild.build(KubernetesManifestsTest.BASE))
                        .at("/spec/job/jarURI")
                        .asText();

        assertThat(args)
                .containsEntry(
                        "LIB_DIR",
                        MODULE + inTarget(pomConfiguration("copy-image-lib", "outputDirectory")))
                .containsEntry(
                        "JOB_JAR", MODULE + inTarget(pomConfiguration("job-jar", "outputFile")));
        assertThat(copies)
                .containsExactly(
                        "${LIB_DIR}/*.jar /opt/flink/lib/",
                        "${JOB_JAR} " + URI.create(jarUri).getPath());
        assertThat(String.join("\n", lines)).doesNotContain("NOT DONE");
    }

    /** {@code ARG NAME=default} lines. */
    private static Map<String, String> argDefaults(List<String> lines) {
        Map<String, String> args = new HashMap<>();
        for (String line : lines) {
            String[] words = line.trim().split("\\s+", 2);
            if (words[0].equals("ARG") && words.length == 2 && words[1].contains("=")) {
                String[] nameAndValue = words[1].split("=", 2);
                args.put(nameAndValue[0], nameAndValue[1]);
            }
        }
        return args;
    }

    /** The source and destination of each {@code COPY}, without its flags. */
    private static List<String> copies(List<String> lines) {
        List<String> copies = new ArrayList<>();
        for (String line : lines) {
            List<String> words = List.of(line.trim().split("\\s+"));
            if (words.get(0).equals("COPY")) {
                copies.add(
                        words.stream()
                                .skip(1)
                                .filter(word -> !word.startsWith("--"))
                                .collect(Collectors.joining(" ")));
            }
        }
        return copies;
    }

    /** A parameter of the execution {@code id} of this module's pom. */
    private static String pomConfiguration(String id, String parameter) {
        try {
            NodeList executions =
                    DocumentBuilderFactory.newInstance()
                            .newDocumentBuilder()
                            .parse(POM.toFile())
                            .getElementsByTagName("execution");
            for (int i = 0; i < executions.getLength(); i++) {
                Element execution = (Element) executions.item(i);
                NodeList ids = execution.getElementsByTagName("id");
                if (ids.getLength() > 0 && ids.item(0).getTextContent().trim().equals(id)) {
                    return execution
                            .getElementsByTagName(parameter)
                            .item(0)
                            .getTextContent()
                            .trim();
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + POM, e);
        }
        throw new AssertionError("no execution " + id + " in " + POM);
    }

    private static String inTarget(String pomPath) {
        assertThat(pomPath).startsWith("${project.build.directory}/");
        return pomPath.replace("${project.build.directory}", "target");
    }
}
