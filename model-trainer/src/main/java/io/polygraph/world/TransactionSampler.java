package io.polygraph.world;

import io.polygraph.schema.Channel;
import io.polygraph.schema.Location;
import io.polygraph.schema.Transaction;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws a customer's normal transactions: what their profile and habits make likely.
 *
 * <p>Income drives amounts, age and occupation drive categories and channels, the home region
 * drives locations, and habits add the personal touch (favourite merchants, own devices, a trip).
 * The sampler also serves anomalies, which draw an ordinary transaction first and then change it.
 */
final class TransactionSampler {

    private final WorldConfig config;

    TransactionSampler(WorldConfig config) {
        this.config = config;
    }

    /** A normal transaction of the customer at the given time, with a placeholder id. */
    Transaction normal(Customer customer, Instant at, SplittableRandom random) {
        CustomerHabits habits = customer.habits();
        RegionTable.Region trip = travelDestination(customer, at);
        MerchantCategory category;
        String merchantId;
        if (trip == null && random.nextDouble() < habits.favouriteShare()) {
            CustomerHabits.FavouriteMerchant favourite = pickFavourite(habits, random);
            category = favourite.category();
            merchantId = favourite.merchantId();
        } else {
            category = WeightedPick.from(categoryWeights(customer, trip != null), random);
            String region = trip != null ? trip.code() : habits.home().getRegion();
            merchantId = MerchantDirectory.pick(category, region, random);
        }
        Channel channel =
                WeightedPick.from(
                        SpendingBehaviour.channelWeights(category, customer.persona().ageGroup()),
                        random);
        Location where =
                trip != null
                        ? nearDestination(trip, channel, random)
                        : nearHome(habits.home(), channel, random);
        return Transaction.newBuilder()
                .setTransactionId("pending")
                .setEntityId(customer.entityId())
                .setEventTime(at)
                .setAmountMinor(amount(customer, category, random))
                .setCurrency(customer.currency())
                .setMerchantId(merchantId)
                .setMerchantCategory(category.code())
                .setChannel(channel)
                .setLocation(where)
                .setSignatureCaptured(signs(customer, channel, random))
                .setDeviceId(device(customer, channel, merchantId, where, random))
                .build();
    }

    /** A log-normal amount around the median of the customer's income band and category. */
    long amount(Customer customer, MerchantCategory category, SplittableRandom random) {
        double median =
                SpendingBehaviour.medianEuros(category, customer.persona().incomeBand())
                        * customer.habits().spendMultiplier();
        double euros = median * Math.exp(category.sigma() * random.nextGaussian());
        if (category == MerchantCategory.ATM_CASH) {
            return Money.roundedMinorUnits(Math.max(20, euros), customer.currency(), 10);
        }
        return Money.minorUnits(euros, customer.currency());
    }

    /** Whether a payment through the channel is verified by signature. */
    boolean signs(Customer customer, Channel channel, SplittableRandom random) {
        if (channel != Channel.CARD_PRESENT) {
            return false;
        }
        double share =
                config.signatureCaptureShare()
                        * SpendingBehaviour.signatureFactor(customer.persona().ageGroup());
        return random.nextDouble() < share;
    }

    /** The device of a payment: the customer's own for remote channels, a terminal otherwise. */
    static String device(
            Customer customer,
            Channel channel,
            String merchantId,
            Location where,
            SplittableRandom random) {
        return switch (channel) {
            case ONLINE, TRANSFER -> {
                var devices = customer.habits().devices();
                yield random.nextDouble() < 0.8
                        ? devices.get(0)
                        : WeightedPick.uniform(devices, random);
            }
            case ATM -> MerchantDirectory.cashMachine(where.getRegion(), random);
            case CARD_PRESENT, CONTACTLESS -> MerchantDirectory.terminal(merchantId, random);
            case UNKNOWN, DIRECT_DEBIT -> null;
        };
    }

    /**
     * Where a payment at home happens: near home, or the home region's IP range for remote ones.
     */
    static Location nearHome(Location home, Channel channel, SplittableRandom random) {
        if (channel == Channel.ONLINE || channel == Channel.TRANSFER) {
            return GreatCircle.jitter(home, 15, random);
        }
        // Most shopping is within a few km; some trips into town or to the next town.
        double km = Math.min(30.0, 5.0 * random.nextExponential());
        return GreatCircle.offset(home, km, random);
    }

    static Location nearDestination(
            RegionTable.Region destination, Channel channel, SplittableRandom random) {
        double radius = channel == Channel.ONLINE || channel == Channel.TRANSFER ? 20 : 12;
        return GreatCircle.jitter(destination.centre(), radius, random);
    }

    private RegionTable.Region travelDestination(Customer customer, Instant at) {
        CustomerHabits habits = customer.habits();
        return habits.travellingOn(TransactionTimeline.dayOf(config, at))
                ? habits.trip().destination()
                : null;
    }

    private static EnumMap<MerchantCategory, Double> categoryWeights(
            Customer customer, boolean travelling) {
        EnumMap<MerchantCategory, Double> weights =
                SpendingBehaviour.categoryWeights(customer.persona());
        if (travelling) {
            weights.merge(MerchantCategory.HOTEL, 6.0, (a, b) -> a * b);
            weights.merge(MerchantCategory.RESTAURANT, 2.0, (a, b) -> a * b);
            weights.merge(MerchantCategory.TRANSIT, 2.0, (a, b) -> a * b);
            weights.merge(MerchantCategory.GROCERY, 0.5, (a, b) -> a * b);
        }
        return weights;
    }

    private static CustomerHabits.FavouriteMerchant pickFavourite(
            CustomerHabits habits, SplittableRandom random) {
        Map<CustomerHabits.FavouriteMerchant, Double> weights = new LinkedHashMap<>();
        habits.favourites().forEach(favourite -> weights.put(favourite, favourite.weight()));
        return WeightedPick.from(weights, random);
    }
}
