package io.polygraph.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a Kubernetes OpenAPI v3 schema (a CRD's {@code openAPIV3Schema}) into a JSON Schema (draft
 * 4) that rejects what {@code kubectl apply} with strict field validation (kubectl's default since
 * Kubernetes 1.27) rejects:
 *
 * <ul>
 *   <li>an unknown field: every object schema without {@code additionalProperties} gets {@code
 *       additionalProperties: false}, unless it is marked {@code
 *       x-kubernetes-preserve-unknown-fields} (there Kubernetes keeps anything, and so does this
 *       schema: such places cannot catch typos);
 *   <li>{@code x-kubernetes-int-or-string} becomes "integer or string", {@code nullable} adds
 *       {@code null} to the type.
 * </ul>
 *
 * {@code format} is dropped (Kubernetes' formats such as int32 or quantity are not JSON Schema's).
 */
final class StrictSchema {
    private StrictSchema() {}

    /** A strict copy of {@code schema}. */
    static ObjectNode of(JsonNode schema) {
        ObjectNode copy = schema.deepCopy();
        makeStrict(copy);
        return copy;
    }

    private static void makeStrict(ObjectNode schema) {
        boolean preserveUnknown =
                schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        boolean intOrString = schema.path("x-kubernetes-int-or-string").asBoolean(false);
        boolean nullable = schema.path("nullable").asBoolean(false);
        List<String> dropped = new ArrayList<>();
        schema.fieldNames()
                .forEachRemaining(
                        name -> {
                            if (name.startsWith("x-kubernetes-")
                                    || name.equals("format")
                                    || name.equals("nullable")) {
                                dropped.add(name);
                            }
                        });
        schema.remove(dropped);
        if (intOrString) {
            schema.remove("type");
            schema.remove("anyOf");
            ArrayNode types = schema.putArray("type");
            types.add("integer").add("string");
        }
        if (nullable && schema.path("type").isTextual()) {
            String type = schema.path("type").asText();
            schema.putArray("type").add(type).add("null");
        }
        schema.path("properties").forEach(property -> makeStrict((ObjectNode) property));
        JsonNode items = schema.path("items");
        if (items.isObject()) {
            makeStrict((ObjectNode) items);
        } else if (items.isArray()) {
            items.forEach(item -> makeStrict((ObjectNode) item));
        }
        if (schema.path("additionalProperties").isObject()) {
            makeStrict((ObjectNode) schema.get("additionalProperties"));
        }
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            schema.path(combinator).forEach(part -> makeStrict((ObjectNode) part));
        }
        if (schema.path("not").isObject()) {
            makeStrict((ObjectNode) schema.get("not"));
        }
        boolean isObject =
                schema.path("type").asText().equals("object") || schema.has("properties");
        if (isObject && !preserveUnknown && !schema.has("additionalProperties")) {
            schema.put("additionalProperties", false);
        }
    }
}
