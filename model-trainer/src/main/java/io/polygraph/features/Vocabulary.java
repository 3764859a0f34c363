package io.polygraph.features;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A fixed list of known category values, fitted on training data, that maps a value to a one-hot
 * slot.
 *
 * <p>Contract: slot 0 is "other", for null and for every value not seen when the vocabulary was
 * fitted (a new merchant category, a new country); known values take slots 1..n in sorted order, so
 * that fitting the same values always gives the same slots. Immutable and thread-safe. The
 * trade-off: a value that becomes common after training stays in "other" until the model is
 * retrained, which is what a model that never saw it should do anyway.
 */
public final class Vocabulary {

    private final List<String> tokens;
    private final Map<String, Integer> slots;

    /**
     * @param tokens the known values, sorted, without duplicates
     */
    @JsonCreator
    public Vocabulary(@JsonProperty("tokens") List<String> tokens) {
        this.tokens = List.copyOf(Objects.requireNonNull(tokens, "tokens"));
        this.slots = new HashMap<>();
        for (int i = 0; i < this.tokens.size(); i++) {
            if (i > 0 && this.tokens.get(i - 1).compareTo(this.tokens.get(i)) >= 0) {
                throw new IllegalArgumentException("vocabulary tokens must be sorted and unique");
            }
            slots.put(this.tokens.get(i), i + 1);
        }
    }

    /** The vocabulary of the distinct non-null values. */
    public static Vocabulary of(Collection<String> values) {
        TreeSet<String> distinct = new TreeSet<>();
        for (String value : values) {
            if (value != null) {
                distinct.add(value);
            }
        }
        return new Vocabulary(List.copyOf(distinct));
    }

    /**
     * The vocabulary of an enum's symbols, so that a symbol added to the schema later is "other".
     */
    public static Vocabulary ofEnum(Class<? extends Enum<?>> type) {
        TreeSet<String> names = new TreeSet<>();
        for (Enum<?> constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        return new Vocabulary(List.copyOf(names));
    }

    /** The known values, sorted; slot {@code i + 1} belongs to {@code tokens().get(i)}. */
    @JsonProperty("tokens")
    public List<String> tokens() {
        return tokens;
    }

    /** Number of one-hot slots, "other" included. */
    public int size() {
        return tokens.size() + 1;
    }

    /** The slot of {@code value}: 1..n for known values, 0 for null or unknown ones. */
    public int slot(String value) {
        if (value == null) {
            return 0;
        }
        return slots.getOrDefault(value, 0);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Vocabulary vocabulary && tokens.equals(vocabulary.tokens);
    }

    @Override
    public int hashCode() {
        return tokens.hashCode();
    }

    @Override
    public String toString() {
        return "Vocabulary" + tokens;
    }
}
