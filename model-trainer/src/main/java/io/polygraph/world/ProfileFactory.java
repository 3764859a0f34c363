package io.polygraph.world;

import io.polygraph.schema.CustomerProfile;
import io.polygraph.schema.IncomeBand;
import io.polygraph.schema.Location;
import io.polygraph.schema.Occupation;
import io.polygraph.schema.RiskRating;
import io.polygraph.schema.SourceOfFunds;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws KYC profiles whose fields are consistent with each other: occupation follows age, income
 * follows occupation, declared spend follows income, currency follows the home region.
 *
 * <p>The first version of each profile is dated shortly before the world's start rather than at the
 * account's opening (which is years earlier and kept in {@code accountOpenedDate}): a Kafka topic
 * would drop records dated years back under time-based retention, and the job only needs the
 * profile in force when the transactions begin.
 */
final class ProfileFactory {

    static final int FIRST_BIRTH_YEAR = 1940;
    static final int LAST_BIRTH_YEAR = 2006;
    private static final LocalDate FIRST_ACCOUNT_DAY = LocalDate.of(1998, 1, 1);
    private static final double HOME_JITTER_KM = 20.0;

    private ProfileFactory() {}

    static CustomerProfile draw(String entityId, Instant worldStart, SplittableRandom random) {
        int birthYear = FIRST_BIRTH_YEAR + random.nextInt(LAST_BIRTH_YEAR - FIRST_BIRTH_YEAR + 1);
        int age = worldStart.atZone(ZoneOffset.UTC).getYear() - birthYear;
        Occupation occupation = occupation(age, random);
        IncomeBand income = WeightedPick.from(incomeWeights(occupation), random);
        RegionTable.Region region = RegionTable.pickHome(random);
        Location home = GreatCircle.jitter(region.centre(), HOME_JITTER_KM, random);
        LocalDate opened = accountOpened(birthYear, worldStart, random);
        Instant updatedAt = worldStart.minusMillis(600_000L + random.nextLong(6_600_000L));
        return CustomerProfile.newBuilder()
                .setEntityId(entityId)
                .setUpdatedAt(updatedAt)
                .setBirthYear(birthYear)
                .setOccupation(occupation)
                .setIncomeBand(income)
                .setHomeLocation(home)
                .setAccountOpenedDate(opened)
                .setDeclaredMonthlySpendMinor(declaredMonthlySpend(income, region, random))
                .setCurrency(region.currency())
                .setNationality(nationality(region, random))
                .setSourceOfFunds(sourceOfFunds(occupation, income, random))
                .setRiskRating(riskRating(occupation, random))
                .setPoliticallyExposed(random.nextDouble() < politicallyExposedShare(occupation))
                .setKycVerifiedAt(kycVerifiedAt(opened, worldStart, random))
                .build();
    }

    /** The customer's persona, read back from the profile. */
    static Persona personaOf(CustomerProfile profile, Instant worldStart) {
        int age = worldStart.atZone(ZoneOffset.UTC).getYear() - profile.getBirthYear();
        return new Persona(AgeGroup.ofAge(age), profile.getOccupation(), profile.getIncomeBand());
    }

    private static Occupation occupation(int age, SplittableRandom random) {
        Map<Occupation, Double> weights = new EnumMap<>(Occupation.class);
        if (age < 26) {
            weights.put(Occupation.STUDENT, 0.45);
            weights.put(Occupation.EMPLOYEE, 0.30);
            weights.put(Occupation.MANUAL_WORKER, 0.12);
            weights.put(Occupation.UNEMPLOYED, 0.08);
            weights.put(Occupation.SELF_EMPLOYED, 0.05);
        } else if (age < 65) {
            weights.put(Occupation.STUDENT, age < 32 ? 0.05 : 0.0);
            weights.put(Occupation.EMPLOYEE, 0.38);
            weights.put(Occupation.MANUAL_WORKER, 0.16);
            weights.put(Occupation.PROFESSIONAL, 0.16);
            weights.put(Occupation.SELF_EMPLOYED, 0.10);
            weights.put(Occupation.EXECUTIVE, age < 35 ? 0.02 : 0.07);
            weights.put(Occupation.UNEMPLOYED, 0.06);
            weights.put(Occupation.RETIRED, age >= 60 ? 0.15 : 0.0);
        } else {
            weights.put(Occupation.RETIRED, 0.90);
            weights.put(Occupation.SELF_EMPLOYED, 0.05);
            weights.put(Occupation.PROFESSIONAL, age < 75 ? 0.05 : 0.0);
        }
        return WeightedPick.from(weights, random);
    }

    private static Map<IncomeBand, Double> incomeWeights(Occupation occupation) {
        return switch (occupation) {
            case STUDENT -> bands(0.70, 0.25, 0.05, 0, 0);
            case UNEMPLOYED -> bands(0.85, 0.15, 0, 0, 0);
            case RETIRED -> bands(0.35, 0.35, 0.20, 0.08, 0.02);
            case MANUAL_WORKER -> bands(0.20, 0.45, 0.30, 0.05, 0);
            case EMPLOYEE, UNKNOWN -> bands(0.05, 0.25, 0.45, 0.20, 0.05);
            case PROFESSIONAL -> bands(0, 0.05, 0.30, 0.45, 0.20);
            case SELF_EMPLOYED -> bands(0.10, 0.20, 0.30, 0.25, 0.15);
            case EXECUTIVE -> bands(0, 0, 0.05, 0.35, 0.60);
        };
    }

    private static Map<IncomeBand, Double> bands(
            double low, double lowerMiddle, double middle, double upperMiddle, double high) {
        Map<IncomeBand, Double> weights = new EnumMap<>(IncomeBand.class);
        weights.put(IncomeBand.LOW, low);
        weights.put(IncomeBand.LOWER_MIDDLE, lowerMiddle);
        weights.put(IncomeBand.MIDDLE, middle);
        weights.put(IncomeBand.UPPER_MIDDLE, upperMiddle);
        weights.put(IncomeBand.HIGH, high);
        return weights;
    }

    private static LocalDate accountOpened(
            int birthYear, Instant worldStart, SplittableRandom random) {
        LocalDate adult = LocalDate.of(birthYear + 18, 1, 1);
        LocalDate first = adult.isAfter(FIRST_ACCOUNT_DAY) ? adult : FIRST_ACCOUNT_DAY;
        LocalDate last = LocalDate.ofInstant(worldStart, ZoneOffset.UTC).minusDays(60);
        if (!first.isBefore(last)) {
            return last;
        }
        long days = last.toEpochDay() - first.toEpochDay();
        return first.plusDays(random.nextLong(days + 1));
    }

    private static Instant kycVerifiedAt(
            LocalDate opened, Instant worldStart, SplittableRandom random) {
        Instant earliest = opened.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant threeYearsBack = worldStart.minus(Duration.ofDays(3 * 365));
        if (earliest.isBefore(threeYearsBack)) {
            earliest = threeYearsBack;
        }
        Instant latest = worldStart.minus(Duration.ofDays(2));
        long span = Math.max(1L, latest.toEpochMilli() - earliest.toEpochMilli());
        return Instant.ofEpochMilli(earliest.toEpochMilli() + random.nextLong(span));
    }

    private static long declaredMonthlySpend(
            IncomeBand income, RegionTable.Region region, SplittableRandom random) {
        double euros =
                SpendingBehaviour.monthlySpendEuros(income) * Math.exp(0.2 * random.nextGaussian());
        // People declare round numbers.
        return Money.roundedMinorUnits(euros, region.currency(), 50);
    }

    private static String nationality(RegionTable.Region region, SplittableRandom random) {
        if (random.nextDouble() < 0.9) {
            return region.country();
        }
        return RegionTable.pickAbroad(region.country(), random).country();
    }

    private static SourceOfFunds sourceOfFunds(
            Occupation occupation, IncomeBand income, SplittableRandom random) {
        boolean wealthy = income == IncomeBand.HIGH && random.nextDouble() < 0.3;
        return switch (occupation) {
            case STUDENT ->
                    random.nextDouble() < 0.7 ? SourceOfFunds.FAMILY_SUPPORT : SourceOfFunds.SALARY;
            case UNEMPLOYED -> SourceOfFunds.BENEFITS;
            case RETIRED -> wealthy ? SourceOfFunds.INVESTMENTS : SourceOfFunds.PENSION;
            case SELF_EMPLOYED -> SourceOfFunds.BUSINESS_INCOME;
            case EXECUTIVE -> wealthy ? SourceOfFunds.INVESTMENTS : SourceOfFunds.SALARY;
            case EMPLOYEE, MANUAL_WORKER, PROFESSIONAL, UNKNOWN -> SourceOfFunds.SALARY;
        };
    }

    private static RiskRating riskRating(Occupation occupation, SplittableRandom random) {
        double u = random.nextDouble();
        double high = occupation == Occupation.SELF_EMPLOYED ? 0.06 : 0.02;
        if (u < high) {
            return RiskRating.HIGH;
        }
        return u < high + 0.15 ? RiskRating.MEDIUM : RiskRating.LOW;
    }

    private static double politicallyExposedShare(Occupation occupation) {
        return occupation == Occupation.EXECUTIVE ? 0.05 : 0.005;
    }
}
