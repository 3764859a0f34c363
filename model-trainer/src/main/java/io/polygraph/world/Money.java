package io.polygraph.world;

import java.util.Map;

/**
 * Converts amounts the behaviour tables state in euros into minor units of an account currency.
 *
 * <p>Fixed rates are enough: the world needs amounts of a plausible size in each currency, not
 * exchange-rate dynamics.
 */
final class Money {

    private static final Map<String, Double> UNITS_PER_EUR =
            Map.of("EUR", 1.0, "GBP", 0.85, "PLN", 4.3);

    private Money() {}

    static double unitsPerEuro(String currency) {
        Double rate = UNITS_PER_EUR.get(currency);
        if (rate == null) {
            throw new IllegalArgumentException("no exchange rate for currency " + currency);
        }
        return rate;
    }

    /** The amount in minor units (cents), at least one. */
    static long minorUnits(double euros, String currency) {
        return Math.max(1L, Math.round(euros * unitsPerEuro(currency) * 100.0));
    }

    /** The amount in minor units rounded to whole multiples of {@code step} major units. */
    static long roundedMinorUnits(double euros, String currency, long step) {
        double units = euros * unitsPerEuro(currency);
        long steps = Math.max(1L, Math.round(units / step));
        return steps * step * 100L;
    }
}
