package io.polygraph.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The operations of RFC 6902 that the overlays use ({@code add}, {@code replace}, {@code remove},
 * {@code test}), applied as kustomize applies a JSON patch. Any other operation, or a path that
 * does not exist where the RFC requires one, is an error: a patch that silently did nothing would
 * let the overlay's validation pass on the base.
 */
final class JsonPatch {
    private JsonPatch() {}

    /** Applies the operations, in order, to {@code target} in place. */
    static void apply(JsonNode operations, ObjectNode target) {
        if (!operations.isArray()) {
            throw new IllegalArgumentException("A JSON patch is a list of operations");
        }
        for (JsonNode operation : operations) {
            applyOne(operation, target);
        }
    }

    private static void applyOne(JsonNode operation, ObjectNode target) {
        String op = operation.path("op").asText();
        String path = operation.path("path").asText();
        List<String> tokens = tokens(path);
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("Patching the whole document is not supported");
        }
        JsonNode parent = target;
        for (String token : tokens.subList(0, tokens.size() - 1)) {
            parent = child(parent, token, path);
        }
        String last = tokens.get(tokens.size() - 1);
        JsonNode value = operation.get("value");
        switch (op) {
            case "add" -> add(parent, last, value, path);
            case "replace" -> {
                child(parent, last, path);
                remove(parent, last);
                add(parent, last, value, path);
            }
            case "remove" -> {
                child(parent, last, path);
                remove(parent, last);
            }
            case "test" -> {
                if (!child(parent, last, path).equals(value)) {
                    throw new IllegalArgumentException("test failed at " + path);
                }
            }
            default -> throw new IllegalArgumentException("Unsupported JSON patch op: " + op);
        }
    }

    private static List<String> tokens(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("Not a JSON pointer: " + path);
        }
        List<String> tokens = new ArrayList<>();
        for (String token : path.substring(1).split("/", -1)) {
            tokens.add(token.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    private static JsonNode child(JsonNode parent, String token, String path) {
        JsonNode child = parent.isArray() ? parent.get(index(token, path)) : parent.get(token);
        if (child == null) {
            throw new IllegalArgumentException("No such path in the target: " + path);
        }
        return child;
    }

    private static void add(JsonNode parent, String token, JsonNode value, String path) {
        if (value == null) {
            throw new IllegalArgumentException("No value for " + path);
        }
        if (parent instanceof ObjectNode object) {
            object.set(token, value.deepCopy());
        } else if (parent instanceof ArrayNode array) {
            if (token.equals("-")) {
                array.add(value.deepCopy());
            } else {
                array.insert(index(token, path), value.deepCopy());
            }
        } else {
            throw new IllegalArgumentException("Cannot add below a scalar: " + path);
        }
    }

    private static void remove(JsonNode parent, String token) {
        if (parent instanceof ObjectNode object) {
            object.remove(token);
        } else {
            ((ArrayNode) parent).remove(Integer.parseInt(token));
        }
    }

    private static int index(String token, String path) {
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not an array index in " + path + ": " + token);
        }
    }
}
