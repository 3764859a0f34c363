package io.polygraph.world;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.schema.CustomerProfile;
import io.polygraph.schema.IncomeBand;
import io.polygraph.schema.Occupation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileConsistencyTest {

    private static final int WORLD_YEAR = 2026;

    @Test
    void occupationAndIncomeFitTheAge() {
        List<CustomerProfile> profiles = firstVersions(TestWorlds.standard());

        assertThat(profiles).hasSize(400);
        assertThat(profiles)
                .allSatisfy(
                        profile -> {
                            int age = WORLD_YEAR - profile.getBirthYear();
                            assertThat(profile.getBirthYear()).isBetween(1940, 2006);
                            if (profile.getOccupation() == Occupation.STUDENT) {
                                assertThat(age).isLessThan(32);
                            }
                            if (profile.getOccupation() == Occupation.RETIRED) {
                                assertThat(age).isGreaterThanOrEqualTo(60);
                            }
                            if (profile.getOccupation() == Occupation.STUDENT
                                    || profile.getOccupation() == Occupation.UNEMPLOYED) {
                                assertThat(profile.getIncomeBand().ordinal())
                                        .isLessThanOrEqualTo(IncomeBand.MIDDLE.ordinal());
                            }
                            if (profile.getOccupation() == Occupation.EXECUTIVE) {
                                assertThat(profile.getIncomeBand().ordinal())
                                        .isGreaterThanOrEqualTo(IncomeBand.MIDDLE.ordinal());
                            }
                        });
        assertThat(profiles)
                .extracting(CustomerProfile::getOccupation)
                .contains(
                        Occupation.STUDENT,
                        Occupation.RETIRED,
                        Occupation.EMPLOYEE,
                        Occupation.EXECUTIVE);
    }

    @Test
    void homeCurrencyAndNationalityFollowTheRegion() {
        List<CustomerProfile> profiles = firstVersions(TestWorlds.standard());
        long nationals = 0;

        for (CustomerProfile profile : profiles) {
            RegionTable.Region region = RegionTable.home(profile.getHomeLocation().getRegion());
            assertThat(profile.getHomeLocation().getCountry()).isEqualTo(region.country());
            assertThat(GreatCircle.km(region.centre(), profile.getHomeLocation())).isLessThan(21.0);
            assertThat(profile.getCurrency())
                    .isEqualTo(
                            switch (region.country()) {
                                case "GB" -> "GBP";
                                case "PL" -> "PLN";
                                default -> "EUR";
                            });
            nationals += profile.getNationality().equals(region.country()) ? 1 : 0;
        }
        assertThat(nationals / (double) profiles.size()).isBetween(0.8, 0.97);
        assertThat(profiles)
                .extracting(p -> p.getHomeLocation().getRegion())
                .hasSizeGreaterThan(10);
    }

    @Test
    void declaredSpendGrowsWithIncomeAndDatesAreOrdered() {
        World world = TestWorlds.standard();
        Map<IncomeBand, List<Long>> spendByBand = new HashMap<>();

        for (CustomerProfile profile : firstVersions(world)) {
            if (profile.getCurrency().equals("EUR")) {
                spendByBand
                        .computeIfAbsent(profile.getIncomeBand(), b -> new java.util.ArrayList<>())
                        .add(profile.getDeclaredMonthlySpendMinor());
            }
            assertThat(profile.getUpdatedAt()).isBefore(world.config().start());
            assertThat(profile.getKycVerifiedAt()).isBefore(profile.getUpdatedAt());
            assertThat(profile.getAccountOpenedDate().getYear())
                    .isGreaterThanOrEqualTo(profile.getBirthYear() + 18);
        }
        assertThat(Statistics.median(spendByBand.get(IncomeBand.HIGH)))
                .isGreaterThan(2 * Statistics.median(spendByBand.get(IncomeBand.LOW)));
    }

    @Test
    void laterProfileVersionsChangeOnlyHarmlessKycFields() {
        World world = TestWorlds.standard();
        Map<String, CustomerProfile> first = new HashMap<>();
        int updates = 0;

        for (CustomerProfile profile : world.profiles()) {
            CustomerProfile earlier = first.putIfAbsent(profile.getEntityId(), profile);
            if (earlier == null) {
                continue;
            }
            updates++;
            assertThat(profile.getUpdatedAt()).isAfter(world.config().start());
            assertThat(profile.getKycVerifiedAt()).isAfter(earlier.getKycVerifiedAt());
            assertThat(profile)
                    .usingRecursiveComparison()
                    .ignoringFields("updatedAt", "kycVerifiedAt", "riskRating")
                    .isEqualTo(earlier);
        }
        assertThat(updates).isBetween(40, 130);
        assertThat(world.profiles())
                .isSortedAccordingTo((a, b) -> a.getUpdatedAt().compareTo(b.getUpdatedAt()));
    }

    static List<CustomerProfile> firstVersions(World world) {
        Map<String, CustomerProfile> first = new java.util.LinkedHashMap<>();
        world.profiles().forEach(profile -> first.putIfAbsent(profile.getEntityId(), profile));
        return List.copyOf(first.values());
    }
}
