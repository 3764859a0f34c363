package io.polygraph.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The validation can fail: the real manifests with one typo or one wrong type each are rejected,
 * and the places that the schemas leave open ({@code flinkConfiguration}, a topic's {@code config})
 * are shown to be open, and caught by {@link ConfigurationKeys} instead.
 */
class ManifestSchemasRejectTest {
    private static ManifestSchemas schemas;

    @BeforeAll
    static void loadSchemas() {
        schemas = ManifestSchemas.load();
    }

    @Test
    void rejectsATypoInTheJobSpec() {
        assertThat(
                        problemsOfFlinkDeploymentWith(
                                spec -> {
                                    ObjectNode job = (ObjectNode) spec.get("job");
                                    job.set("upgradeMod", job.remove("upgradeMode"));
                                }))
                .anyMatch(problem -> problem.contains("upgradeMod"));
    }

    @Test
    void rejectsAWrongTypeAndAnUnknownEnumValue() {
        assertThat(
                        problemsOfFlinkDeploymentWith(
                                spec -> ((ObjectNode) spec.get("job")).put("parallelism", "two")))
                .anyMatch(problem -> problem.contains("parallelism"));
        assertThat(problemsOfFlinkDeploymentWith(spec -> spec.put("flinkVersion", "v2_9")))
                .anyMatch(problem -> problem.contains("flinkVersion"));
    }

    @Test
    void rejectsATypoDeepInThePodTemplateAndInMetadata() {
        assertThat(
                        problemsOfFlinkDeploymentWith(
                                spec -> {
                                    ObjectNode container =
                                            (ObjectNode) spec.at("/podTemplate/spec/containers/0");
                                    container.set("volumeMount", container.remove("volumeMounts"));
                                }))
                .anyMatch(problem -> problem.contains("volumeMount"));
        ObjectNode deployment = flinkDeployment();
        ((ObjectNode) deployment.get("metadata")).put("namepsace", "fraud");
        assertThat(schemas.problems(deployment)).anyMatch(problem -> problem.contains("namepsace"));
    }

    @Test
    void rejectsATypoAndAWrongTypeInAKafkaTopic() {
        ObjectNode topic = resource("KafkaTopic");
        ObjectNode spec = (ObjectNode) topic.get("spec");
        spec.set("replica", spec.remove("replicas"));
        spec.put("partitions", "six");

        assertThat(schemas.problems(topic))
                .anyMatch(problem -> problem.contains("replica"))
                .anyMatch(problem -> problem.contains("partitions"));
    }

    @Test
    void rejectsATypoInThePersistentVolumeClaim() {
        ObjectNode claim = resource("PersistentVolumeClaim");
        ObjectNode spec = (ObjectNode) claim.get("spec");
        spec.set("accesModes", spec.remove("accessModes"));

        assertThat(schemas.problems(claim)).anyMatch(problem -> problem.contains("accesModes"));
    }

    @Test
    void rejectsAKindWithoutASchema() {
        ObjectNode deployment = flinkDeployment();
        deployment.put("apiVersion", "flink.apache.org/v1beta2");

        assertThat(schemas.problems(deployment)).anyMatch(problem -> problem.contains("no schema"));
    }

    @Test
    void openMapsAreNotCheckedByTheSchemasButByTheirKeys() {
        ObjectNode deployment = flinkDeployment();
        ObjectNode flinkConfiguration = (ObjectNode) deployment.at("/spec/flinkConfiguration");
        flinkConfiguration.put("execution.checkpointing.dirr", "s3://typo");
        ObjectNode topic = resource("KafkaTopic");
        ObjectNode topicConfig = (ObjectNode) topic.at("/spec/config");
        topicConfig.put("retention.msx", 1);

        assertThat(schemas.problems(deployment)).isEmpty();
        assertThat(schemas.problems(topic)).isEmpty();
        assertThat(ConfigurationKeys.unknownFlinkKeys(flinkConfiguration))
                .containsExactly("execution.checkpointing.dirr");
        assertThat(ConfigurationKeys.unknownTopicKeys(topicConfig))
                .containsExactly("retention.msx");
    }

    @Test
    void aPatchThatMissesItsTargetFailsTheBuild() {
        ObjectNode deployment = flinkDeployment();
        var operations = YamlDocuments.MAPPER.createArrayNode();
        operations
                .addObject()
                .put("op", "replace")
                .put("path", "/spec/taskManger/replicas")
                .put("value", 2);

        assertThatThrownBy(() -> JsonPatch.apply(operations, deployment))
                .hasMessageContaining("/spec/taskManger/replicas");
    }

    private static List<String> problemsOfFlinkDeploymentWith(Consumer<ObjectNode> change) {
        ObjectNode deployment = flinkDeployment();
        assertThat(schemas.problems(deployment)).as("the unchanged manifest").isEmpty();
        change.accept((ObjectNode) deployment.get("spec"));
        return List.copyOf(schemas.problems(deployment));
    }

    private static ObjectNode flinkDeployment() {
        return resource("FlinkDeployment");
    }

    /** The first resource of that kind in the base, a copy to change. */
    private static ObjectNode resource(String kind) {
        return KustomizeBuild.build(KubernetesManifestsTest.BASE).stream()
                .filter(resource -> resource.path("kind").asText().equals(kind))
                .findFirst()
                .orElseThrow()
                .deepCopy();
    }
}
