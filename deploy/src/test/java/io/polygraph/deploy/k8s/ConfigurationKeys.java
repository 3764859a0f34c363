package io.polygraph.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.FallbackKey;
import org.apache.flink.configuration.HighAvailabilityOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Checks the keys of the two maps that the CRD schemas leave open ({@code
 * x-kubernetes-preserve-unknown-fields}): a FlinkDeployment's {@code flinkConfiguration} against
 * Flink's own {@link ConfigOption}s (the option classes that the manifests draw from), and a
 * KafkaTopic's {@code config} against Kafka's {@link TopicConfig}. A typo there would otherwise
 * leave a default in force without any error.
 */
final class ConfigurationKeys {
    private static final List<Class<?>> FLINK_OPTION_CLASSES =
            List.of(
                    CoreOptions.class,
                    TaskManagerOptions.class,
                    JobManagerOptions.class,
                    CheckpointingOptions.class,
                    StateBackendOptions.class,
                    HighAvailabilityOptions.class,
                    RestartStrategyOptions.class);

    private ConfigurationKeys() {}

    /** The keys of {@code flinkConfiguration} that are no option of Flink's option classes. */
    static Set<String> unknownFlinkKeys(JsonNode flinkConfiguration) {
        return unknown(flinkConfiguration, flinkKeys());
    }

    /** The keys of a KafkaTopic's {@code config} that are no Kafka topic configuration. */
    static Set<String> unknownTopicKeys(JsonNode topicConfig) {
        return unknown(topicConfig, constants(TopicConfig.class, "_CONFIG"));
    }

    private static Set<String> unknown(JsonNode map, Set<String> known) {
        Set<String> unknown = new TreeSet<>();
        map.fieldNames()
                .forEachRemaining(
                        key -> {
                            if (!known.contains(key)) {
                                unknown.add(key);
                            }
                        });
        return unknown;
    }

    private static Set<String> flinkKeys() {
        Set<String> keys = new HashSet<>();
        for (Class<?> options : FLINK_OPTION_CLASSES) {
            for (Object value : staticValues(options)) {
                if (value instanceof ConfigOption<?> option) {
                    keys.add(option.key());
                    for (FallbackKey fallback : option.fallbackKeys()) {
                        keys.add(fallback.getKey());
                    }
                }
            }
        }
        return keys;
    }

    private static Set<String> constants(Class<?> holder, String suffix) {
        Set<String> values = new HashSet<>();
        for (Field field : holder.getFields()) {
            if (field.getName().endsWith(suffix) && field.getType() == String.class) {
                values.add((String) read(field));
            }
        }
        return values;
    }

    private static List<Object> staticValues(Class<?> holder) {
        return java.util.Arrays.stream(holder.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()))
                .map(ConfigurationKeys::read)
                .toList();
    }

    private static Object read(Field field) {
        try {
            return field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
