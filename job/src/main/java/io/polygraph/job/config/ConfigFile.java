package io.polygraph.job.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.configuration.Configuration;

/**
 * Reads the job's settings from one YAML file, nested or with dotted keys, as Flink's own {@code
 * config.yaml} allows:
 *
 * <pre>
 * polygraph:
 *   kafka:
 *     bootstrap-servers: broker1:9092
 *     properties:
 *       security.protocol: SASL_SSL
 *   scoring.batch-size: 512
 * polygraph.model.snapshot-path: /models/cmad-v3.zip
 * </pre>
 *
 * <p>Contract: nested mappings are joined into dotted keys; a scalar becomes its text; a list or an
 * empty value is an error naming the key, since no option of the job takes one. Syntax errors name
 * the file, line and column. The values are not checked here: {@link JobSettings#from} checks them,
 * and rejects unknown {@code polygraph.*} keys.
 */
public final class ConfigFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ConfigFile() {}

    /**
     * The settings in {@code file}.
     *
     * @throws IllegalArgumentException when the file is missing, is not YAML, is not a mapping at
     *     the top, or holds a list or an empty value
     */
    public static Configuration load(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("configuration file not found: " + file, e);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw new IllegalArgumentException(
                    String.format(
                            "configuration file %s is not valid YAML at line %d, column %d: %s",
                            file,
                            where == null ? -1 : where.getLineNr(),
                            where == null ? -1 : where.getColumnNr(),
                            e.getOriginalMessage()),
                    e);
        } catch (IOException e) {
            throw new IllegalArgumentException("configuration file cannot be read: " + file, e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new Configuration();
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException(
                    "configuration file " + file + " must be a mapping of keys to values");
        }
        Map<String, String> values = new LinkedHashMap<>();
        flatten("", root, values, file);
        return Configuration.fromMap(values);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out, Path file) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(key, value, out, file);
            } else if (value.isValueNode() && !value.isNull()) {
                if (out.put(key, value.asText()) != null) {
                    throw new IllegalArgumentException(
                            "configuration file " + file + " sets " + key + " twice");
                }
            } else {
                throw new IllegalArgumentException(
                        "configuration file "
                                + file
                                + ": "
                                + key
                                + " must have a single value (a text, number or boolean)");
            }
        }
    }
}
