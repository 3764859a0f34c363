package io.polygraph.world;

import io.polygraph.schema.CustomerProfile;
import io.polygraph.schema.IncomeBand;
import io.polygraph.schema.RiskRating;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Creates the customers of a world: a consistent profile, later KYC updates, and personal habits.
 *
 * <p>Each customer draws from streams of its own (see {@link RandomStreams}), so customer 17 is the
 * same whether the world has 20 customers or 2,000.
 */
final class CustomerFactory {

    private static final double PROFILE_UPDATE_SHARE = 0.2;

    private CustomerFactory() {}

    static Customer create(WorldConfig config, int index) {
        String entityId = Customer.entityIdOf(index);
        SplittableRandom random = RandomStreams.of(config.seed(), "customer", index);
        CustomerProfile profile = ProfileFactory.draw(entityId, config.start(), random);
        Persona persona = ProfileFactory.personaOf(profile, config.start());
        CustomerHabits habits = habits(config, profile, persona, random);
        List<CustomerProfile> versions = new ArrayList<>(2);
        versions.add(profile);
        SplittableRandom updates = RandomStreams.of(config.seed(), "profile-update", index);
        if (updates.nextDouble() < PROFILE_UPDATE_SHARE) {
            versions.add(kycUpdate(profile, config, updates));
        }
        return new Customer(index, entityId, versions, persona, habits);
    }

    /**
     * A later version of the profile after a periodic KYC review: re-verified identity, perhaps a
     * new risk rating. Income and occupation stay: the world's behaviour is drawn from them, and a
     * change there would make every later transaction look anomalous.
     */
    private static CustomerProfile kycUpdate(
            CustomerProfile profile, WorldConfig config, SplittableRandom random) {
        Instant at = config.start().plusMillis(random.nextLong(config.span().toMillis()));
        RiskRating rating = profile.getRiskRating();
        if (random.nextDouble() < 0.3) {
            rating = rating == RiskRating.LOW ? RiskRating.MEDIUM : RiskRating.LOW;
        }
        return CustomerProfile.newBuilder(profile)
                .setUpdatedAt(at)
                .setKycVerifiedAt(at.minus(Duration.ofMinutes(5 + random.nextInt(120))))
                .setRiskRating(rating)
                .build();
    }

    private static CustomerHabits habits(
            WorldConfig config, CustomerProfile profile, Persona persona, SplittableRandom random) {
        HourRange typical = SpendingBehaviour.typicalHours(persona.occupation());
        int from = Math.max(5, typical.from() + random.nextInt(3) - 1);
        int to = Math.min(24, typical.to() + random.nextInt(3) - 1);
        String regionCode = profile.getHomeLocation().getRegion();
        List<String> devices = new ArrayList<>();
        int deviceCount = 1 + random.nextInt(2);
        for (int i = 0; i < deviceCount; i++) {
            devices.add(MerchantDirectory.device(random));
        }
        return new CustomerHabits(
                profile.getHomeLocation(),
                new HourRange(from, Math.max(to, from + 6)),
                favourites(persona, regionCode, random),
                0.55 + 0.25 * random.nextDouble(),
                Math.exp(0.25 * random.nextGaussian()),
                Math.exp(0.35 * random.nextGaussian() - 0.35 * 0.35 / 2),
                devices,
                trip(config, regionCode, persona.incomeBand(), random));
    }

    private static List<CustomerHabits.FavouriteMerchant> favourites(
            Persona persona, String regionCode, SplittableRandom random) {
        EnumMap<MerchantCategory, Double> weights = SpendingBehaviour.categoryWeights(persona);
        // Nobody has a favourite airline ticket or jeweller among their everyday shops.
        weights.remove(MerchantCategory.AIRLINE);
        weights.remove(MerchantCategory.HOTEL);
        weights.remove(MerchantCategory.JEWELRY);
        int count = 3 + random.nextInt(4);
        Set<String> seen = new LinkedHashSet<>();
        List<CustomerHabits.FavouriteMerchant> favourites = new ArrayList<>();
        while (favourites.size() < count) {
            MerchantCategory category = WeightedPick.from(weights, random);
            String merchantId = MerchantDirectory.pick(category, regionCode, random);
            if (seen.add(merchantId)) {
                double weight = 0.3 + random.nextDouble() + (favourites.isEmpty() ? 1.0 : 0.0);
                favourites.add(new CustomerHabits.FavouriteMerchant(merchantId, category, weight));
            }
        }
        return favourites;
    }

    private static CustomerHabits.Trip trip(
            WorldConfig config, String homeCode, IncomeBand income, SplittableRandom random) {
        double share =
                switch (income) {
                    case LOW -> 0.10;
                    case LOWER_MIDDLE -> 0.15;
                    case MIDDLE, UNKNOWN -> 0.25;
                    case UPPER_MIDDLE -> 0.35;
                    case HIGH -> 0.50;
                };
        long worldDays = Math.max(1, config.span().toDays());
        if (random.nextDouble() >= share || worldDays < 7) {
            return null;
        }
        RegionTable.Region destination;
        do {
            destination = RegionTable.pickHome(random);
        } while (destination.code().equals(homeCode));
        return new CustomerHabits.Trip(
                random.nextLong(worldDays), 2 + random.nextInt(4), destination);
    }
}
