package io.polygraph.world;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.schema.AnomalyLabel;
import io.polygraph.schema.AnomalyType;
import io.polygraph.schema.Channel;
import io.polygraph.schema.CustomerProfile;
import io.polygraph.schema.IncomeBand;
import io.polygraph.schema.Occupation;
import io.polygraph.schema.Transaction;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProfileDrivenBehaviourTest {

    private static final World WORLD = TestWorlds.standard();
    private static final Map<String, CustomerProfile> PROFILES =
            ProfileConsistencyTest.firstVersions(WORLD).stream()
                    .collect(Collectors.toMap(CustomerProfile::getEntityId, p -> p));

    @Test
    void higherIncomeSpendsMorePerTransaction() {
        double high = Statistics.median(amounts(p -> p.getIncomeBand() == IncomeBand.HIGH));
        double low = Statistics.median(amounts(p -> p.getIncomeBand() == IncomeBand.LOW));

        assertThat(high).isGreaterThan(2.5 * low);
    }

    @Test
    void retiredCustomersPayOnlineLessThanStudents() {
        double retired =
                share(
                        p -> p.getOccupation() == Occupation.RETIRED,
                        t -> t.getChannel() == Channel.ONLINE);
        double students =
                share(
                        p -> p.getOccupation() == Occupation.STUDENT,
                        t -> t.getChannel() == Channel.ONLINE);

        assertThat(retired).isLessThan(students / 2);
    }

    @Test
    void olderCustomersBuyMoreAtPharmaciesAndLessDigitalGoods() {
        Predicate<CustomerProfile> senior = p -> p.getBirthYear() <= 2026 - 65;
        Predicate<CustomerProfile> young = p -> p.getBirthYear() > 2026 - 30;

        assertThat(share(senior, category(MerchantCategory.PHARMACY)))
                .isGreaterThan(2 * share(young, category(MerchantCategory.PHARMACY)));
        assertThat(share(young, category(MerchantCategory.DIGITAL_GOODS)))
                .isGreaterThan(5 * share(senior, category(MerchantCategory.DIGITAL_GOODS)));
    }

    @Test
    void aboutTheConfiguredShareOfCardPaymentsIsSignedAndOlderCustomersSignMore() {
        Predicate<Transaction> cardPresent = t -> t.getChannel() == Channel.CARD_PRESENT;
        List<Transaction> card = WORLD.transactions().stream().filter(cardPresent).toList();
        double signed =
                Statistics.share(
                        card.stream().filter(Transaction::getSignatureCaptured).count(),
                        card.size());
        Predicate<CustomerProfile> senior = p -> p.getBirthYear() <= 2026 - 65;
        Predicate<CustomerProfile> young = p -> p.getBirthYear() > 2026 - 30;
        Predicate<Transaction> signedCard = t -> cardPresent.test(t) && t.getSignatureCaptured();

        assertThat(signed).isBetween(0.25 * 0.8, 0.25 * 1.2);
        assertThat(share(senior, signedCard) / share(senior, cardPresent))
                .isGreaterThan(2 * share(young, signedCard) / share(young, cardPresent));
        assertThat(WORLD.transactions())
                .filteredOn(Transaction::getSignatureCaptured)
                .allSatisfy(t -> assertThat(t.getChannel()).isEqualTo(Channel.CARD_PRESENT));
    }

    @Test
    void retiredCustomersPayInTheDaytime() {
        double daytime =
                share(
                        p -> p.getOccupation() == Occupation.RETIRED,
                        t -> {
                            int hour = t.getEventTime().atZone(ZoneOffset.UTC).getHour();
                            return hour >= 8 && hour < 19;
                        });

        assertThat(daytime).isGreaterThan(0.97);
    }

    @Test
    void normalTransactionsHappenNearHome() {
        double nearHome =
                share(
                        p -> true,
                        t ->
                                GreatCircle.km(
                                                PROFILES.get(t.getEntityId()).getHomeLocation(),
                                                t.getLocation())
                                        < 50);

        assertThat(nearHome).isGreaterThan(0.9);
    }

    @Test
    void customersReturnToAFewFavouriteMerchants() {
        Map<String, List<String>> merchants = new HashMap<>();
        normalTransactions()
                .forEach(
                        t ->
                                merchants
                                        .computeIfAbsent(t.getEntityId(), e -> new ArrayList<>())
                                        .add(t.getMerchantId()));
        List<Double> topThreeShares = new ArrayList<>();

        merchants
                .values()
                .forEach(
                        ids -> {
                            Map<String, Long> counts =
                                    ids.stream()
                                            .collect(
                                                    Collectors.groupingBy(
                                                            id -> id, Collectors.counting()));
                            long topThree =
                                    counts.values().stream()
                                            .sorted((a, b) -> Long.compare(b, a))
                                            .limit(3)
                                            .mapToLong(Long::longValue)
                                            .sum();
                            topThreeShares.add(topThree / (double) ids.size());
                        });

        assertThat(Statistics.mean(topThreeShares)).isGreaterThan(0.45);
    }

    @Test
    void contrastingBehaviourOfModestCustomersIsLargeOrAtNightOrAbroad() {
        Map<String, Double> usualMedian = new HashMap<>();
        Map<String, List<Long>> normalAmounts = new HashMap<>();
        normalTransactions()
                .forEach(
                        t ->
                                normalAmounts
                                        .computeIfAbsent(t.getEntityId(), e -> new ArrayList<>())
                                        .add(t.getAmountMinor()));
        normalAmounts.forEach(
                (entity, amounts) -> usualMedian.put(entity, Statistics.median(amounts)));
        int checked = 0;

        for (int i = 0; i < WORLD.transactions().size(); i++) {
            Transaction t = WORLD.transactions().get(i);
            AnomalyLabel label = WORLD.labels().get(i);
            if (!label.getDetail().equals("contrast-profile:night-transfer-abroad")) {
                continue;
            }
            CustomerProfile profile = PROFILES.get(t.getEntityId());
            assertThat(t.getLocation().getCountry())
                    .isNotEqualTo(profile.getHomeLocation().getCountry());
            assertThat(t.getMerchantCategory()).isEqualTo("4829");
            assertThat(t.getChannel()).isIn(Channel.ONLINE, Channel.TRANSFER);
            assertThat((double) t.getAmountMinor()).isGreaterThan(usualMedian.get(t.getEntityId()));
            checked++;
        }
        assertThat(checked).isGreaterThan(50);
    }

    @Test
    void outliersAreFarAwayOrManyTimesTheUsualAmount() {
        for (int i = 0; i < WORLD.transactions().size(); i++) {
            Transaction t = WORLD.transactions().get(i);
            String detail = WORLD.labels().get(i).getDetail();
            if (detail.equals("outlier:far-location")) {
                assertThat(
                                GreatCircle.km(
                                        PROFILES.get(t.getEntityId()).getHomeLocation(),
                                        t.getLocation()))
                        .isGreaterThan(3000);
            }
        }
        double outlierMedian =
                Statistics.median(
                        transactionsWhere(l -> l.getDetail().equals("outlier:amount")).stream()
                                .map(Transaction::getAmountMinor)
                                .toList());
        double normalMedian =
                Statistics.median(
                        normalTransactions().stream().map(Transaction::getAmountMinor).toList());
        assertThat(outlierMedian).isGreaterThan(15 * normalMedian);
    }

    private static Predicate<Transaction> category(MerchantCategory category) {
        return t -> t.getMerchantCategory().equals(category.code());
    }

    private static List<Long> amounts(Predicate<CustomerProfile> who) {
        return normalTransactions().stream()
                .filter(t -> who.test(PROFILES.get(t.getEntityId())))
                .filter(t -> t.getCurrency().equals("EUR"))
                .map(Transaction::getAmountMinor)
                .toList();
    }

    private static double share(Predicate<CustomerProfile> who, Predicate<Transaction> what) {
        List<Transaction> theirs =
                normalTransactions().stream()
                        .filter(t -> who.test(PROFILES.get(t.getEntityId())))
                        .toList();
        assertThat(theirs).isNotEmpty();
        return Statistics.share(theirs.stream().filter(what).count(), theirs.size());
    }

    private static List<Transaction> normalTransactions() {
        return transactionsWhere(label -> label.getType() == AnomalyType.NORMAL);
    }

    private static List<Transaction> transactionsWhere(Predicate<AnomalyLabel> label) {
        List<Transaction> selected = new ArrayList<>();
        for (int i = 0; i < WORLD.transactions().size(); i++) {
            if (label.test(WORLD.labels().get(i))) {
                selected.add(WORLD.transactions().get(i));
            }
        }
        return selected;
    }
}
