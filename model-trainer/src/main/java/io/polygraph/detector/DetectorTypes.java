package io.polygraph.detector;

import io.polygraph.autoencoder.AutoencoderDetectorType;
import io.polygraph.bigan.BiganDetectorType;
import io.polygraph.combined.CombinedDetectorType;
import io.polygraph.fusion.DmafnDetectorType;
import io.polygraph.mmoc.MmocDetectorType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The detector types this library can load, by id: the one place a new {@link DetectorType} is
 * registered.
 *
 * <p>A plain static list rather than a service loader: the types ship with this library, and a list
 * that is read in one glance is easier to trust than classpath scanning.
 */
public final class DetectorTypes {

    private static final Map<String, DetectorType> KNOWN =
            index(
                    new CmadDetectorType(),
                    new ImageTagDetectorType(),
                    new DmafnDetectorType(),
                    new CmadSequenceDetectorType(),
                    new AutoencoderDetectorType(),
                    new CombinedDetectorType(),
                    new MmocDetectorType(),
                    new BiganDetectorType());

    private DetectorTypes() {}

    /**
     * The type with this id.
     *
     * @throws IllegalArgumentException when no type has this id; the message lists the known ids
     */
    public static DetectorType of(String id) {
        DetectorType type = KNOWN.get(id);
        if (type == null) {
            throw new IllegalArgumentException(
                    "unknown detector type '"
                            + id
                            + "'; this library knows "
                            + String.join(", ", KNOWN.keySet()));
        }
        return type;
    }

    /** The ids of all known types, in registration order. */
    public static Set<String> ids() {
        return KNOWN.keySet();
    }

    private static Map<String, DetectorType> index(DetectorType... types) {
        Map<String, DetectorType> byId = new LinkedHashMap<>();
        for (DetectorType type : types) {
            if (byId.put(type.id(), type) != null) {
                throw new IllegalStateException("two detector types share the id " + type.id());
            }
        }
        return Collections.unmodifiableMap(byId);
    }
}
