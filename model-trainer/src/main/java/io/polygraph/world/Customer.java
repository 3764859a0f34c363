package io.polygraph.world;

import io.polygraph.schema.CustomerProfile;
import java.util.List;
import java.util.Objects;

/**
 * A customer of the world: what the bank knows (profile versions) and what only the generator knows
 * (persona and habits).
 *
 * @param index position of the customer in the world, 0-based; seeds every per-customer stream
 * @param entityId the customer's id, for example {@code cust-000123}
 * @param profileVersions the profile as first known, then later KYC updates, by updatedAt
 * @param persona the traits that drive the customer's spending
 * @param habits the customer's personal habits
 */
record Customer(
        int index,
        String entityId,
        List<CustomerProfile> profileVersions,
        Persona persona,
        CustomerHabits habits) {

    Customer {
        Objects.requireNonNull(entityId, "entityId");
        profileVersions = List.copyOf(profileVersions);
        if (profileVersions.isEmpty()) {
            throw new IllegalArgumentException("customer " + entityId + " has no profile");
        }
        Objects.requireNonNull(persona, "persona");
        Objects.requireNonNull(habits, "habits");
    }

    /** The first version of the profile, in force at the world's start. */
    CustomerProfile profile() {
        return profileVersions.get(0);
    }

    String currency() {
        return profile().getCurrency();
    }

    static String entityIdOf(int index) {
        return String.format("cust-%06d", index);
    }
}
