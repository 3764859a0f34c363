package io.polygraph.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polygraph.detector.MultimodalRecord;
import io.polygraph.schema.CustomerProfile;
import io.polygraph.schema.SignatureImage;
import io.polygraph.schema.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WorldJoinTest {

    private static final int RECENT = 4;

    @Test
    void givesEachTransactionItsLabelInEventTimeOrder() {
        World world = TestWorlds.small();

        List<WorldJoin.LabelledRecord> joined = WorldJoin.join(world, RECENT);

        assertThat(joined).hasSameSizeAs(world.transactions());
        for (int i = 0; i < joined.size(); i++) {
            assertThat(joined.get(i).record().transaction()).isSameAs(world.transactions().get(i));
            assertThat(joined.get(i).label()).isSameAs(world.labels().get(i));
        }
    }

    @Test
    void attachesWhatWasKnownOfTheEntityAtThatMoment() {
        World world = TestWorlds.small();
        Map<String, SignatureImage> presented =
                world.presentedSignatures().stream()
                        .collect(Collectors.toMap(SignatureImage::getTransactionId, s -> s));
        Map<String, SignatureImage> enrolment =
                world.enrolmentSignatures().stream()
                        .collect(Collectors.toMap(SignatureImage::getEntityId, s -> s));
        int sawAnUpdatedProfile = 0;

        for (WorldJoin.LabelledRecord labelled : WorldJoin.join(world, RECENT)) {
            MultimodalRecord record = labelled.record();
            Transaction transaction = record.transaction();
            CustomerProfile expectedProfile = latestProfile(world, transaction);
            assertThat(record.profile()).isSameAs(expectedProfile);
            assertThat(record.enrolmentSignature())
                    .isSameAs(enrolment.get(transaction.getEntityId()));
            assertThat(record.presentedSignature())
                    .isSameAs(presented.get(transaction.getTransactionId()));
            assertThat(record.recentTransactions()).isEqualTo(previous(world, transaction, RECENT));
            sawAnUpdatedProfile +=
                    expectedProfile.getUpdatedAt().isAfter(world.config().start()) ? 1 : 0;
        }
        assertThat(sawAnUpdatedProfile).isPositive();
    }

    @Test
    void aRecentLimitOfZeroAttachesNoHistory() {
        assertThat(WorldJoin.join(TestWorlds.small(), 0))
                .allSatisfy(
                        labelled -> assertThat(labelled.record().recentTransactions()).isEmpty());
        assertThatThrownBy(() -> WorldJoin.join(TestWorlds.small(), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static CustomerProfile latestProfile(World world, Transaction transaction) {
        CustomerProfile latest = null;
        for (CustomerProfile profile : world.profiles()) {
            if (profile.getEntityId().equals(transaction.getEntityId())
                    && !profile.getUpdatedAt().isAfter(transaction.getEventTime())
                    && (latest == null
                            || !profile.getUpdatedAt().isBefore(latest.getUpdatedAt()))) {
                latest = profile;
            }
        }
        return latest;
    }

    private static List<Transaction> previous(World world, Transaction transaction, int limit) {
        List<Transaction> before = new ArrayList<>();
        for (Transaction candidate : world.transactions()) {
            if (candidate == transaction) {
                break;
            }
            if (candidate.getEntityId().equals(transaction.getEntityId())) {
                before.add(candidate);
            }
        }
        return before.subList(Math.max(0, before.size() - limit), before.size());
    }
}
