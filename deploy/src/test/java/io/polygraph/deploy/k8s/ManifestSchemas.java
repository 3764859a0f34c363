package io.polygraph.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The schema of every kind of resource in deploy/k8s, by {@code apiVersion} and {@code kind}, made
 * strict by {@link StrictSchema}. Where each comes from:
 *
 * <ul>
 *   <li>{@code flink.apache.org/v1beta1 FlinkDeployment}: the Flink Kubernetes Operator's CRD in
 *       {@code org.apache.flink:flink-kubernetes-operator-api:1.10.0}, read from the class path.
 *       That is the newest release on Maven Central, and its {@code flinkVersion} enum ends at
 *       v1_20: the Flink 2.x values that later operators accept ({@link #FLINK_2_VERSIONS}) are
 *       added to that one enum here, and everything else is checked as 1.10.0 defines it;
 *   <li>{@code kafka.strimzi.io/v1beta2 KafkaTopic}: Strimzi's CRD in the test-jar of {@code
 *       io.strimzi:api:0.49.0}, read from the class path;
 *   <li>{@code v1 PersistentVolumeClaim} and the {@code metadata} (ObjectMeta) of every resource:
 *       Kubernetes' own schemas as the operator's CRD embeds them (fabric8's Kubernetes model, in
 *       the pod template: ObjectMeta, and an ephemeral volume's PersistentVolumeClaimSpec);
 *   <li>{@code v1 ConfigMap}: written here from the Kubernetes API reference (data: string to
 *       string), the one schema not read from an artifact; kustomize generates that ConfigMap
 *       anyway.
 * </ul>
 */
final class ManifestSchemas {
    static final String FLINK_CRD = "META-INF/fabric8/flinkdeployments.flink.apache.org-v1.yml";

    /** Flink versions the operator's CRD gained after 1.10.0 (operator 1.11 onward). */
    static final List<String> FLINK_2_VERSIONS = List.of("v2_0", "v2_1", "v2_2");

    static final String STRIMZI_TOPIC_CRD = "crds/v1beta2/043-Crd-kafkatopic.yaml";

    private final Map<String, JsonSchema> schemas = new HashMap<>();

    private ManifestSchemas() {}

    /** The schemas of the resources that deploy/k8s uses. */
    static ManifestSchemas load() {
        ManifestSchemas result = new ManifestSchemas();
        ObjectNode flinkCrd = YamlDocuments.readResource(FLINK_CRD).get(0);
        acceptFlink2(flinkCrd);
        JsonNode podTemplate =
                servedVersion(flinkCrd, "v1beta1")
                        .at(
                                "/schema/openAPIV3Schema/properties/spec/properties/podTemplate/properties");
        JsonNode objectMeta = podTemplate.get("metadata");
        JsonNode pvcSpec =
                podTemplate.at(
                        "/spec/properties/volumes/items/properties/ephemeral/properties/volumeClaimTemplate/properties/spec");
        result.addCrd(flinkCrd, "v1beta1", objectMeta);
        result.addCrd(YamlDocuments.readResource(STRIMZI_TOPIC_CRD).get(0), "v1beta2", objectMeta);
        ObjectNode pvc = envelope("v1", "PersistentVolumeClaim", objectMeta);
        ((ObjectNode) pvc.get("properties")).set("spec", pvcSpec.deepCopy());
        result.add("v1", "PersistentVolumeClaim", pvc);
        ObjectNode configMap = envelope("v1", "ConfigMap", objectMeta);
        ObjectNode data = ((ObjectNode) configMap.get("properties")).putObject("data");
        data.put("type", "object").putObject("additionalProperties").put("type", "string");
        result.add("v1", "ConfigMap", configMap);
        return result;
    }

    /** Adds {@link #FLINK_2_VERSIONS} to the {@code flinkVersion} enum of every served version. */
    private static void acceptFlink2(ObjectNode flinkCrd) {
        for (JsonNode version : flinkCrd.at("/spec/versions")) {
            JsonNode values =
                    version.at(
                            "/schema/openAPIV3Schema/properties/spec/properties/flinkVersion/enum");
            if (!(values instanceof ArrayNode array)) {
                throw new IllegalStateException("the Flink CRD has no flinkVersion enum any more");
            }
            FLINK_2_VERSIONS.forEach(array::add);
        }
    }

    /** What is wrong with {@code resource}, empty when it is valid. */
    Set<String> problems(JsonNode resource) {
        String apiVersion = resource.path("apiVersion").asText();
        String kind = resource.path("kind").asText();
        JsonSchema schema = schemas.get(apiVersion + " " + kind);
        String name = kind + " " + resource.path("metadata").path("name").asText();
        if (schema == null) {
            return Set.of(name + ": no schema for " + apiVersion + " " + kind);
        }
        Set<String> problems = new TreeSet<>();
        for (ValidationMessage message : schema.validate(resource)) {
            problems.add(name + ": " + message.getMessage());
        }
        return problems;
    }

    private void addCrd(ObjectNode crd, String version, JsonNode objectMeta) {
        String group = crd.at("/spec/group").asText();
        String kind = crd.at("/spec/names/kind").asText();
        ObjectNode schema = servedVersion(crd, version).at("/schema/openAPIV3Schema").deepCopy();
        ObjectNode envelope = envelope(group + "/" + version, kind, objectMeta);
        ObjectNode properties = (ObjectNode) schema.get("properties");
        properties.setAll((ObjectNode) envelope.get("properties"));
        schema.set("required", envelope.get("required"));
        schema.put("type", "object");
        add(group + "/" + version, kind, schema);
    }

    private void add(String apiVersion, String kind, ObjectNode schema) {
        ObjectNode strict = StrictSchema.of(schema);
        schemas.put(
                apiVersion + " " + kind,
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(strict));
    }

    /** An object with apiVersion, kind and metadata (name required) and the given properties. */
    private static ObjectNode envelope(String apiVersion, String kind, JsonNode objectMeta) {
        ObjectNode envelope = YamlDocuments.MAPPER.createObjectNode().put("type", "object");
        ObjectNode properties = envelope.putObject("properties");
        properties.putObject("apiVersion").putArray("enum").add(apiVersion);
        properties.putObject("kind").putArray("enum").add(kind);
        ObjectNode metadata = objectMeta.deepCopy();
        metadata.putArray("required").add("name");
        properties.set("metadata", metadata);
        envelope.putArray("required").add("apiVersion").add("kind").add("metadata");
        return envelope;
    }

    private static JsonNode servedVersion(ObjectNode crd, String version) {
        for (JsonNode candidate : crd.at("/spec/versions")) {
            if (candidate.path("name").asText().equals(version)
                    && candidate.path("served").asBoolean()) {
                return candidate;
            }
        }
        throw new IllegalStateException(crd.at("/metadata/name") + " serves no version " + version);
    }

    /** For messages: the kinds this knows. */
    List<String> kinds() {
        return List.copyOf(new TreeSet<>(schemas.keySet()));
    }
}
