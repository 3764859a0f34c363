package io.polygraph.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.polygraph.deploy.cluster.ClusterConfiguration;
import io.polygraph.job.config.ConfigFile;
import io.polygraph.job.config.JobSettings;
import io.polygraph.topic.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every resource that {@code kubectl apply -k} would send from deploy/k8s (the base and the GPU
 * overlay, built by {@link KustomizeBuild}) is valid against the schema of its kind ({@link
 * ManifestSchemas}), and the maps those schemas leave open hold known keys only.
 */
class KubernetesManifestsTest {
    /** Surefire runs in the module directory. */
    static final Path K8S = Path.of("k8s");

    static final Path BASE = K8S.resolve("base");
    static final Path GPU_OVERLAY = K8S.resolve("overlays/gpu");

    private static ManifestSchemas schemas;

    @BeforeAll
    static void loadSchemas() {
        schemas = ManifestSchemas.load();
    }

    @Test
    void baseBuildsIntoValidResources() {
        List<ObjectNode> resources = KustomizeBuild.build(BASE);

        assertThat(kinds(resources))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                "FlinkDeployment",
                                1L,
                                "KafkaTopic",
                                7L,
                                "PersistentVolumeClaim",
                                1L,
                                "ConfigMap",
                                1L));
        assertThat(problems(resources)).isEmpty();
    }

    @Test
    void gpuOverlayBuildsIntoValidResourcesOnSupportedGpus() {
        List<ObjectNode> resources = KustomizeBuild.build(GPU_OVERLAY);

        assertThat(problems(resources)).isEmpty();
        JsonNode spec = flinkDeployment(resources).get("spec");
        assertThat(spec.path("image").asText()).endsWith("-cuda");
        JsonNode taskManagerPod = spec.at("/taskManager/podTemplate/spec");
        assertThat(taskManagerPod.at("/containers/0/resources/limits/nvidia.com~1gpu").asInt())
                .isEqualTo(1);
        List<String> majors = new ArrayList<>();
        for (JsonNode term :
                taskManagerPod.at(
                        "/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms")) {
            for (JsonNode expression : term.path("matchExpressions")) {
                if (expression.path("key").asText().equals("nvidia.com/gpu.compute.major")) {
                    expression.path("values").forEach(value -> majors.add(value.asText()));
                }
            }
        }
        // ND4J's CUDA 11.6 backend has no code for Ada (8.9) or Hopper (9.0: H100, H200).
        assertThat(majors).isNotEmpty().doesNotContain("9");
        assertThat(spec.at("/taskManager/podTemplate/spec/affinity").toString())
                .doesNotContain("\"9\"");
        // The base's mounts and the job stay as they were.
        assertThat(spec.at("/job/upgradeMode").asText()).isEqualTo("savepoint");
    }

    @Test
    void jobSettingsAreAcceptedByTheJobAndMountedWhereItsArgumentsSay(@TempDir Path temp)
            throws Exception {
        List<ObjectNode> resources = KustomizeBuild.build(BASE);
        JsonNode spec = flinkDeployment(resources).get("spec");
        ObjectNode configMap = only(resources, "ConfigMap");
        String fileName = configMap.get("data").fieldNames().next();
        Path settingsFile = temp.resolve(fileName);
        Files.writeString(settingsFile, configMap.get("data").get(fileName).asText());

        JobSettings settings = JobSettings.from(ConfigFile.load(settingsFile));

        String settingsMount = mountPath(spec, "settings");
        assertThat(spec.at("/job/args").toString())
                .isEqualTo("[\"--config-file\",\"" + settingsMount + "/" + fileName + "\"]");
        assertThat(spec.at("/job/entryClass").asText())
                .isEqualTo("io.polygraph.job.PolygraphJobMain");
        assertThat(settings.modelSnapshotPath())
                .hasValueSatisfying(
                        path ->
                                assertThat(path)
                                        .startsWith(mountPath(spec, "model-snapshots") + "/"));
        assertThat(spec.at("/job/upgradeMode").asText()).isEqualTo("savepoint");
        assertThat(spec.at("/flinkConfiguration/env.java.opts.all").asText())
                .contains("-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.polygraph.schema");
    }

    @Test
    void flinkConfigurationHoldsFlinkOptionsOnly() {
        JsonNode spec = flinkDeployment(KustomizeBuild.build(GPU_OVERLAY)).get("spec");

        assertThat(ConfigurationKeys.unknownFlinkKeys(spec.get("flinkConfiguration"))).isEmpty();
        assertThat(spec.at("/flinkConfiguration/high-availability.type").asText())
                .isEqualTo("kubernetes");
        assertThat(spec.at("/flinkConfiguration/execution.checkpointing.dir").asText())
                .startsWith("s3://");
        assertThat(spec.at("/flinkConfiguration/execution.checkpointing.savepoint-dir").asText())
                .startsWith("s3://");
    }

    /**
     * ND4J's scorers on the cluster run one OpenMP thread each, as the trainer and the local
     * clusters run them: the thread count changes ND4J's float32 sums, and with them calibrated
     * scores by more than a model swap's reference check allows.
     */
    @Test
    void scorersRunOneOpenMpThreadAsTheTrainerDoes() {
        for (Path kustomization : List.of(BASE, GPU_OVERLAY)) {
            JsonNode containers =
                    flinkDeploymentAt(kustomization, "/spec/podTemplate/spec/containers");
            List<String> ompThreads = new ArrayList<>();
            for (JsonNode container : containers) {
                for (JsonNode variable : container.path("env")) {
                    if (variable.path("name").asText().equals("OMP_NUM_THREADS")) {
                        ompThreads.add(variable.path("value").asText());
                    }
                }
            }
            assertThat(ompThreads).as(kustomization.toString()).containsExactly("1");
        }
    }

    /**
     * The image puts the DL4J/ND4J/JavaCPP stack into Flink's lib/ (deploy/docker/Dockerfile), as
     * the local cluster puts it on its classpath; both load its packages parent-first, with the
     * same list, read here the way Flink reads it.
     */
    @Test
    void theNativeLibraryStackIsLoadedParentFirstAsOnTheLocalCluster() {
        for (Path kustomization : List.of(BASE, GPU_OVERLAY)) {
            JsonNode flinkConfiguration =
                    flinkDeploymentAt(kustomization, "/spec/flinkConfiguration");
            String key = CoreOptions.ALWAYS_PARENT_FIRST_LOADER_PATTERNS_ADDITIONAL.key();

            assertThat(flinkConfiguration.has(key)).as(kustomization + ": " + key).isTrue();
            List<String> patterns =
                    Configuration.fromMap(Map.of(key, flinkConfiguration.get(key).asText()))
                            .get(CoreOptions.ALWAYS_PARENT_FIRST_LOADER_PATTERNS_ADDITIONAL);
            assertThat(patterns)
                    .as(kustomization.toString())
                    .containsExactlyInAnyOrderElementsOf(
                            ClusterConfiguration.PARENT_FIRST_PATTERNS);
        }
    }

    @Test
    void everyTopicOfTheJobIsAKafkaTopicWithKnownConfigKeys() {
        List<ObjectNode> topics =
                KustomizeBuild.build(BASE).stream()
                        .filter(r -> r.path("kind").asText().equals("KafkaTopic"))
                        .toList();

        assertThat(topics.stream().map(t -> t.at("/metadata/name").asText()))
                .containsExactlyInAnyOrder(
                        Topics.TRANSACTIONS_NAME,
                        Topics.PROFILES_NAME,
                        Topics.SIGNATURES_NAME,
                        Topics.ALERTS_NAME,
                        Topics.DEAD_LETTERS_NAME,
                        Topics.MODEL_UPDATES_NAME,
                        Topics.SHADOW_SCORES_NAME);
        for (ObjectNode topic : topics) {
            assertThat(ConfigurationKeys.unknownTopicKeys(topic.at("/spec/config")))
                    .as(topic.at("/metadata/name").asText())
                    .isEmpty();
        }
        ObjectNode modelUpdates =
                topics.stream()
                        .filter(
                                t ->
                                        t.at("/metadata/name")
                                                .asText()
                                                .equals(Topics.MODEL_UPDATES_NAME))
                        .findFirst()
                        .orElseThrow();
        assertThat(modelUpdates.at("/spec/partitions").asInt()).isEqualTo(1);
        assertThat(modelUpdates.at("/spec/config/cleanup.policy").asText()).isEqualTo("compact");
    }

    @Test
    void noSecretIsWrittenIntoTheManifests() {
        List<ObjectNode> resources = new ArrayList<>(KustomizeBuild.build(BASE));
        resources.addAll(KustomizeBuild.build(GPU_OVERLAY));

        assertThat(kinds(resources)).doesNotContainKey("Secret");
        String settings = only(KustomizeBuild.build(BASE), "ConfigMap").get("data").toString();
        assertThat(settings)
                .contains("sasl.jaas.config: ${secrets:")
                .doesNotContainIgnoringCase("password=");
    }

    static Map<String, Long> kinds(List<ObjectNode> resources) {
        return resources.stream()
                .collect(
                        Collectors.groupingBy(r -> r.path("kind").asText(), Collectors.counting()));
    }

    static TreeSet<String> problems(List<ObjectNode> resources) {
        TreeSet<String> problems = new TreeSet<>();
        resources.forEach(resource -> problems.addAll(schemas.problems(resource)));
        return problems;
    }

    static ObjectNode flinkDeployment(List<ObjectNode> resources) {
        return only(resources, "FlinkDeployment");
    }

    /** The part at {@code pointer} of the FlinkDeployment that {@code kustomization} builds. */
    private static JsonNode flinkDeploymentAt(Path kustomization, String pointer) {
        return flinkDeployment(KustomizeBuild.build(kustomization)).at(pointer);
    }

    static ObjectNode only(List<ObjectNode> resources, String kind) {
        List<ObjectNode> matching =
                resources.stream().filter(r -> r.path("kind").asText().equals(kind)).toList();
        assertThat(matching).as(kind).hasSize(1);
        return matching.get(0);
    }

    private static String mountPath(JsonNode spec, String volume) {
        for (JsonNode mount : spec.at("/podTemplate/spec/containers/0/volumeMounts")) {
            if (mount.path("name").asText().equals(volume)) {
                return mount.path("mountPath").asText();
            }
        }
        throw new AssertionError("No mount of volume " + volume);
    }
}
