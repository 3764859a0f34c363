package io.polygraph.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The subset of {@code kustomize build} that deploy/k8s uses, so that the test validates what
 * {@code kubectl apply -k} would send (kustomize itself is a Go program, not available to a Maven
 * build): {@code resources} (files and directories), {@code configMapGenerator} from files without
 * a name hash, and {@code patches} that are JSON patches with a target. Any other field of a
 * kustomization is refused rather than ignored, so the two cannot silently drift apart.
 */
final class KustomizeBuild {
    private static final Set<String> KNOWN_FIELDS =
            Set.of("apiVersion", "kind", "resources", "configMapGenerator", "patches");

    private KustomizeBuild() {}

    /** The resources that the kustomization in {@code directory} produces. */
    static List<ObjectNode> build(Path directory) {
        JsonNode kustomization = YamlDocuments.readOne(directory.resolve("kustomization.yaml"));
        kustomization
                .fieldNames()
                .forEachRemaining(
                        field -> {
                            if (!KNOWN_FIELDS.contains(field)) {
                                throw new IllegalArgumentException(
                                        directory
                                                + ": kustomization field not supported here: "
                                                + field);
                            }
                        });
        List<ObjectNode> resources = new ArrayList<>();
        for (JsonNode entry : kustomization.path("resources")) {
            Path path = directory.resolve(entry.asText()).normalize();
            resources.addAll(Files.isDirectory(path) ? build(path) : YamlDocuments.read(path));
        }
        for (JsonNode generator : kustomization.path("configMapGenerator")) {
            resources.add(configMap(directory, generator));
        }
        for (JsonNode patch : kustomization.path("patches")) {
            applyPatch(directory, patch, resources);
        }
        return resources;
    }

    private static ObjectNode configMap(Path directory, JsonNode generator) {
        if (!generator.path("options").path("disableNameSuffixHash").asBoolean(false)) {
            throw new IllegalArgumentException(
                    "configMapGenerator "
                            + generator.path("name")
                            + ": only disableNameSuffixHash: true is supported");
        }
        ObjectNode configMap = YamlDocuments.MAPPER.createObjectNode();
        configMap.put("apiVersion", "v1").put("kind", "ConfigMap");
        configMap.putObject("metadata").put("name", generator.path("name").asText());
        ObjectNode data = configMap.putObject("data");
        for (JsonNode file : generator.path("files")) {
            Path path = directory.resolve(file.asText());
            try {
                data.put(path.getFileName().toString(), Files.readString(path));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Iterator<String> fields = generator.fieldNames();
        while (fields.hasNext()) {
            String field = fields.next();
            if (!Set.of("name", "files", "options").contains(field)) {
                throw new IllegalArgumentException(
                        "configMapGenerator field not supported here: " + field);
            }
        }
        return configMap;
    }

    private static void applyPatch(Path directory, JsonNode patch, List<ObjectNode> resources) {
        JsonNode operations = YamlDocuments.readOne(directory.resolve(patch.path("path").asText()));
        JsonNode target = patch.path("target");
        int matched = 0;
        for (ObjectNode resource : resources) {
            if (matches(target, resource)) {
                JsonPatch.apply(operations, resource);
                matched++;
            }
        }
        if (matched == 0) {
            throw new IllegalArgumentException(
                    "Patch " + patch.path("path") + " matches no resource");
        }
    }

    private static boolean matches(JsonNode target, ObjectNode resource) {
        String apiVersion = resource.path("apiVersion").asText();
        String group =
                apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        return matches(target, "group", group)
                && matches(target, "version", version)
                && matches(target, "kind", resource.path("kind").asText())
                && matches(target, "name", resource.path("metadata").path("name").asText());
    }

    private static boolean matches(JsonNode target, String field, String actual) {
        return !target.has(field) || target.get(field).asText().equals(actual);
    }
}
