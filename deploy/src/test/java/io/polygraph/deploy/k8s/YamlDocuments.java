package io.polygraph.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads YAML files of one or more documents ({@code ---}) into Jackson trees. */
final class YamlDocuments {
    static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

    private YamlDocuments() {}

    /** The documents of a file, empty ones (a trailing {@code ---}) left out. */
    static List<ObjectNode> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** The single document of a file. */
    static JsonNode readOne(Path file) {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** The documents of a resource on the test class path. */
    static List<ObjectNode> readResource(String name) {
        InputStream in = YamlDocuments.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("Not on the class path: " + name);
        }
        try (in) {
            return read(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
    }

    private static List<ObjectNode> read(InputStream in, String source) throws IOException {
        List<ObjectNode> documents = new ArrayList<>();
        try (var values = MAPPER.readerFor(JsonNode.class).<JsonNode>readValues(in)) {
            while (values.hasNext()) {
                JsonNode document = values.next();
                if (document == null || document.isNull() || document.isMissingNode()) {
                    continue;
                }
                if (!document.isObject()) {
                    throw new IllegalArgumentException(source + ": a document is not a mapping");
                }
                documents.add((ObjectNode) document);
            }
        }
        return documents;
    }
}
