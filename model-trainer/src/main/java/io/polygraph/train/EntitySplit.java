package io.polygraph.train;

import io.polygraph.world.WorldJoin.LabelledRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Splits labelled records into a training part and a held-out part by entity: all records of an
 * entity fall on the same side.
 *
 * <p>By entity rather than by time or by record, because the model must generalise to customers
 * (and writers) it has never seen: a record split would let the network memorise each customer's
 * profile and signature, and the held-out metrics would promise more than a new customer gets.
 * Deterministic for a given seed; record order is kept within each part.
 *
 * @param training records of the training entities
 * @param heldOut records of the held-out entities
 */
public record EntitySplit(List<LabelledRecord> training, List<LabelledRecord> heldOut) {

    public EntitySplit {
        training = List.copyOf(training);
        heldOut = List.copyOf(heldOut);
    }

    /** Holds out {@code heldOutShare} of the entities (at least one, and never all if possible). */
    public static EntitySplit of(List<LabelledRecord> records, double heldOutShare, long seed) {
        TreeSet<String> entities = new TreeSet<>();
        records.forEach(record -> entities.add(record.record().transaction().getEntityId()));
        List<String> shuffled = new ArrayList<>(entities);
        Collections.shuffle(shuffled, new Random(seed));
        int heldOutCount = (int) Math.round(heldOutShare * shuffled.size());
        heldOutCount = Math.max(1, Math.min(heldOutCount, shuffled.size() - 1));
        Set<String> heldOutEntities = new HashSet<>(shuffled.subList(0, heldOutCount));
        List<LabelledRecord> training = new ArrayList<>();
        List<LabelledRecord> heldOut = new ArrayList<>();
        for (LabelledRecord record : records) {
            String entity = record.record().transaction().getEntityId();
            (heldOutEntities.contains(entity) ? heldOut : training).add(record);
        }
        return new EntitySplit(training, heldOut);
    }
}
