package io.polygraph.world;

import static io.polygraph.world.MerchantCategory.AIRLINE;
import static io.polygraph.world.MerchantCategory.ATM_CASH;
import static io.polygraph.world.MerchantCategory.DIGITAL_GOODS;
import static io.polygraph.world.MerchantCategory.ELECTRONICS;
import static io.polygraph.world.MerchantCategory.FAST_FOOD;
import static io.polygraph.world.MerchantCategory.FUEL;
import static io.polygraph.world.MerchantCategory.GROCERY;
import static io.polygraph.world.MerchantCategory.HOTEL;
import static io.polygraph.world.MerchantCategory.JEWELRY;
import static io.polygraph.world.MerchantCategory.MONEY_TRANSFER;
import static io.polygraph.world.MerchantCategory.PHARMACY;
import static io.polygraph.world.MerchantCategory.RESTAURANT;
import static io.polygraph.world.MerchantCategory.TRANSIT;

import io.polygraph.schema.Channel;
import io.polygraph.schema.IncomeBand;
import io.polygraph.schema.Occupation;
import java.util.EnumMap;

/**
 * How a persona spends: which merchant categories, through which channels, how much and when.
 *
 * <p>The tables are a hand-made caricature of retail banking data, chosen so that each profile
 * field leaves a visible trace in transactions (income in amounts, age in channels and categories,
 * occupation in categories and hours) while every persona still buys groceries. Multipliers are
 * applied on top of the age-group base so that the tables stay small.
 */
final class SpendingBehaviour {

    // Base category weights per age group, in MerchantCategory declaration order.
    private static final double[] YOUNG_WEIGHTS = {
        14, 10, 12, 3, 10, 3, 2, 1, 1, 7, 8, 3, 3, 14, 0.3
    };
    private static final double[] ADULT_WEIGHTS = {
        22, 9, 5, 9, 5, 2, 4, 1.5, 1, 6, 9, 5, 3, 4, 0.4
    };
    private static final double[] SENIOR_WEIGHTS = {
        30, 6, 1.5, 5, 3, 0.6, 12, 0.8, 0.4, 4, 10, 10, 2, 0.3, 0.3
    };

    private SpendingBehaviour() {}

    /** Relative frequency of each merchant category for the persona. */
    static EnumMap<MerchantCategory, Double> categoryWeights(Persona persona) {
        double[] base =
                switch (persona.ageGroup()) {
                    case YOUNG -> YOUNG_WEIGHTS;
                    case ADULT -> ADULT_WEIGHTS;
                    case SENIOR -> SENIOR_WEIGHTS;
                };
        EnumMap<MerchantCategory, Double> weights = new EnumMap<>(MerchantCategory.class);
        for (MerchantCategory category : MerchantCategory.values()) {
            weights.put(category, base[category.ordinal()]);
        }
        applyOccupation(weights, persona.occupation());
        applyIncome(weights, persona.incomeBand());
        return weights;
    }

    /** Relative frequency of each channel for a category, shifted by age. */
    static EnumMap<Channel, Double> channelWeights(MerchantCategory category, AgeGroup ageGroup) {
        EnumMap<Channel, Double> weights = category.channelWeights();
        weights.replaceAll((channel, weight) -> weight * agePreference(channel, ageGroup));
        return weights;
    }

    /** Median amount in euros of a payment in the category for the income band. */
    static double medianEuros(MerchantCategory category, IncomeBand incomeBand) {
        return category.medianEuros() * incomeFactor(incomeBand);
    }

    /** How much more (or less) than a middle-income customer the band spends per payment. */
    static double incomeFactor(IncomeBand incomeBand) {
        return switch (incomeBand) {
            case LOW -> 0.55;
            case LOWER_MIDDLE -> 0.75;
            case MIDDLE, UNKNOWN -> 1.0;
            case UPPER_MIDDLE -> 1.45;
            case HIGH -> 2.3;
        };
    }

    /** Typical monthly spend in euros declared at KYC for the band. */
    static double monthlySpendEuros(IncomeBand incomeBand) {
        return switch (incomeBand) {
            case LOW -> 900;
            case LOWER_MIDDLE -> 1400;
            case MIDDLE, UNKNOWN -> 2000;
            case UPPER_MIDDLE -> 3000;
            case HIGH -> 5200;
        };
    }

    /** The hours of the day (UTC, end exclusive, up to 24) in which the occupation is active. */
    static HourRange typicalHours(Occupation occupation) {
        return switch (occupation) {
            case RETIRED -> new HourRange(9, 18);
            case STUDENT -> new HourRange(11, 24);
            case MANUAL_WORKER -> new HourRange(6, 21);
            case EXECUTIVE -> new HourRange(6, 23);
            case SELF_EMPLOYED -> new HourRange(7, 23);
            case UNEMPLOYED -> new HourRange(9, 22);
            case EMPLOYEE, PROFESSIONAL, UNKNOWN -> new HourRange(7, 22);
        };
    }

    /**
     * How much more often than average the age group signs at a card terminal. Seniors make about
     * half of all card-present payments, so the factors average to about 1 over those payments and
     * the world-wide share stays near the configured one.
     */
    static double signatureFactor(AgeGroup ageGroup) {
        return switch (ageGroup) {
            case YOUNG -> 0.45;
            case ADULT -> 0.8;
            case SENIOR -> 1.3;
        };
    }

    private static double agePreference(Channel channel, AgeGroup ageGroup) {
        return switch (ageGroup) {
            case YOUNG ->
                    switch (channel) {
                        case CARD_PRESENT -> 0.5;
                        case CONTACTLESS -> 1.6;
                        case ONLINE -> 1.8;
                        case ATM -> 0.6;
                        default -> 1.0;
                    };
            case ADULT -> 1.0;
            case SENIOR ->
                    switch (channel) {
                        case CARD_PRESENT -> 2.2;
                        case CONTACTLESS -> 0.5;
                        case ONLINE -> 0.3;
                        case ATM -> 1.5;
                        default -> 1.0;
                    };
        };
    }

    private static void applyOccupation(
            EnumMap<MerchantCategory, Double> weights, Occupation occupation) {
        switch (occupation) {
            case STUDENT -> scale(weights, 1.5, DIGITAL_GOODS, TRANSIT).scale(0.3, FUEL, HOTEL);
            case EXECUTIVE -> scale(weights, 3.0, HOTEL, AIRLINE).scale(1.6, RESTAURANT, JEWELRY);
            case PROFESSIONAL -> scale(weights, 2.0, HOTEL, AIRLINE).scale(1.3, RESTAURANT);
            case MANUAL_WORKER -> scale(weights, 1.8, FUEL, FAST_FOOD).scale(0.5, AIRLINE);
            case SELF_EMPLOYED -> scale(weights, 2.5, MONEY_TRANSFER).scale(1.5, FUEL);
            case RETIRED -> scale(weights, 1.3, PHARMACY, ATM_CASH).scale(0.5, DIGITAL_GOODS);
            case UNEMPLOYED -> scale(weights, 1.3, GROCERY, ATM_CASH).scale(0.3, HOTEL, AIRLINE);
            case EMPLOYEE, UNKNOWN -> {}
        }
    }

    private static void applyIncome(
            EnumMap<MerchantCategory, Double> weights, IncomeBand incomeBand) {
        switch (incomeBand) {
            case LOW -> scale(weights, 0.4, HOTEL, AIRLINE, JEWELRY).scale(0.6, ELECTRONICS);
            case LOWER_MIDDLE -> scale(weights, 0.7, HOTEL, AIRLINE, JEWELRY);
            case UPPER_MIDDLE -> scale(weights, 1.3, HOTEL, AIRLINE, RESTAURANT);
            case HIGH -> scale(weights, 1.8, HOTEL, AIRLINE, JEWELRY).scale(1.3, RESTAURANT);
            case MIDDLE, UNKNOWN -> {}
        }
    }

    private static Scaling scale(
            EnumMap<MerchantCategory, Double> weights,
            double factor,
            MerchantCategory... categories) {
        return new Scaling(weights).scale(factor, categories);
    }

    /** Fluent multiplication of some weights, so each occupation rule fits on one line. */
    private record Scaling(EnumMap<MerchantCategory, Double> weights) {
        Scaling scale(double factor, MerchantCategory... categories) {
            for (MerchantCategory category : categories) {
                weights.merge(category, factor, (a, b) -> a * b);
            }
            return this;
        }
    }
}
