package io.polygraph.topic;

import java.io.Serializable;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * A Kafka topic as an object: its name and the codec of its values, kept together so that a topic
 * name is never paired with the wrong schema.
 *
 * @param name the Kafka topic name
 * @param codec reads and writes the topic's values, in the topic's wire format
 * @param <T> the Avro record type of the topic's values
 */
public record Topic<T extends SpecificRecord>(String name, TopicCodec<T> codec)
        implements Serializable {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(codec, "codec");
        if (name.isBlank()) {
            throw new IllegalArgumentException("topic name must not be blank");
        }
    }
}
