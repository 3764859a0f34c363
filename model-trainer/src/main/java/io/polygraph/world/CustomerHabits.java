package io.polygraph.world;

import io.polygraph.schema.Location;
import java.util.List;
import java.util.Objects;

/**
 * The personal habits that make one customer's transactions look like theirs and not like any other
 * customer's with the same profile.
 *
 * @param home where the customer lives (jittered around the home region's city)
 * @param hours the hours of the day the customer usually pays in
 * @param favourites the few merchants the customer returns to
 * @param favouriteShare share of payments at home that go to a favourite merchant
 * @param spendMultiplier the customer's personal factor on every amount
 * @param activity the customer's personal factor on the number of transactions
 * @param devices the customer's phones and browsers, first one used most
 * @param trip a journey during the world's span, or null
 */
record CustomerHabits(
        Location home,
        HourRange hours,
        List<FavouriteMerchant> favourites,
        double favouriteShare,
        double spendMultiplier,
        double activity,
        List<String> devices,
        Trip trip) {

    CustomerHabits {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(hours, "hours");
        favourites = List.copyOf(favourites);
        devices = List.copyOf(devices);
        if (favourites.isEmpty() || devices.isEmpty()) {
            throw new IllegalArgumentException("a customer needs favourites and a device");
        }
    }

    /** Whether the customer is away on the given day (0-based from the world's start day). */
    boolean travellingOn(long day) {
        return trip != null && day >= trip.firstDay() && day < trip.firstDay() + trip.days();
    }

    /**
     * A merchant the customer returns to.
     *
     * @param merchantId the merchant's id
     * @param category what the merchant sells
     * @param weight how often, relative to the other favourites
     */
    record FavouriteMerchant(String merchantId, MerchantCategory category, double weight) {}

    /**
     * A journey away from home: payments happen in the destination, with more hotels and
     * restaurants.
     *
     * @param firstDay first day away, 0-based from the world's start day
     * @param days how many days
     * @param destination where to
     */
    record Trip(long firstDay, int days, RegionTable.Region destination) {}
}
