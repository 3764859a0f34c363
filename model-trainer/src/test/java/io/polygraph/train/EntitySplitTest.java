package io.polygraph.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.world.WorldJoin;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EntitySplitTest {

    @Test
    void keepsEveryEntityOnOneSideAndHoldsOutTheRequestedShare() {
        List<WorldJoin.LabelledRecord> records = TestDetectors.world(31, 20, 7);

        EntitySplit split = EntitySplit.of(records, 0.25, 1);

        Set<String> training = entities(split.training());
        Set<String> heldOut = entities(split.heldOut());
        assertThat(heldOut).hasSize(5);
        assertThat(training).hasSize(15).doesNotContainAnyElementsOf(heldOut);
        assertThat(split.training().size() + split.heldOut().size()).isEqualTo(records.size());
    }

    @Test
    void isDeterministicForASeed() {
        List<WorldJoin.LabelledRecord> records = TestDetectors.world(31, 20, 7);

        assertThat(entities(EntitySplit.of(records, 0.25, 1).heldOut()))
                .isEqualTo(entities(EntitySplit.of(records, 0.25, 1).heldOut()))
                .isNotEqualTo(entities(EntitySplit.of(records, 0.25, 2).heldOut()));
    }

    private static Set<String> entities(List<WorldJoin.LabelledRecord> records) {
        Set<String> entities = new HashSet<>();
        records.forEach(r -> entities.add(r.record().transaction().getEntityId()));
        return entities;
    }
}
