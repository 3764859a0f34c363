package io.polygraph.world;

import io.polygraph.schema.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The places of the world: the European regions customers live in, and far-away places that only
 * outliers visit.
 *
 * <p>A fixed table (rather than random coordinates) keeps locations realistic: region codes are ISO
 * 3166-2 subdivisions, coordinates are the main city's, currencies are the country's. Weights
 * roughly follow population so that big cities have more customers.
 */
final class RegionTable {

    /**
     * One region.
     *
     * @param code ISO 3166-2 code (or the bank's region name where ISO has none for the city)
     * @param country ISO 3166-1 alpha-2 country code
     * @param city the region's main city, for readers of the data
     * @param latitude the city centre's latitude
     * @param longitude the city centre's longitude
     * @param currency ISO 4217 code of the accounts held there
     * @param weight relative share of customers living there
     */
    record Region(
            String code,
            String country,
            String city,
            double latitude,
            double longitude,
            String currency,
            double weight) {

        Location centre() {
            return new Location(country, code, latitude, longitude);
        }
    }

    static final List<Region> HOME_REGIONS =
            List.of(
                    new Region("DE-BY", "DE", "Munich", 48.1372, 11.5756, "EUR", 1.0),
                    new Region("DE-BE", "DE", "Berlin", 52.5200, 13.4050, "EUR", 1.3),
                    new Region("DE-HH", "DE", "Hamburg", 53.5511, 9.9937, "EUR", 0.8),
                    new Region("FR-IDF", "FR", "Paris", 48.8566, 2.3522, "EUR", 1.5),
                    new Region("FR-ARA", "FR", "Lyon", 45.7640, 4.8357, "EUR", 0.7),
                    new Region("ES-MD", "ES", "Madrid", 40.4168, -3.7038, "EUR", 1.2),
                    new Region("ES-CT", "ES", "Barcelona", 41.3851, 2.1734, "EUR", 1.0),
                    new Region("IT-LOM", "IT", "Milan", 45.4642, 9.1900, "EUR", 1.0),
                    new Region("IT-LAZ", "IT", "Rome", 41.9028, 12.4964, "EUR", 0.9),
                    new Region("NL-NH", "NL", "Amsterdam", 52.3676, 4.9041, "EUR", 0.8),
                    new Region("AT-9", "AT", "Vienna", 48.2082, 16.3738, "EUR", 0.6),
                    new Region("PL-MZ", "PL", "Warsaw", 52.2297, 21.0122, "PLN", 0.8),
                    new Region("GB-LND", "GB", "London", 51.5074, -0.1278, "GBP", 1.4));

    /** Places on other continents: a card used there by a European customer is an outlier. */
    static final List<Region> FAR_REGIONS =
            List.of(
                    new Region("US-NY", "US", "New York", 40.7128, -74.0060, "USD", 1.0),
                    new Region("SG-01", "SG", "Singapore", 1.3521, 103.8198, "SGD", 1.0),
                    new Region("BR-SP", "BR", "Sao Paulo", -23.5505, -46.6333, "BRL", 1.0),
                    new Region("NG-LA", "NG", "Lagos", 6.5244, 3.3792, "NGN", 1.0),
                    new Region("TH-10", "TH", "Bangkok", 13.7563, 100.5018, "THB", 1.0),
                    new Region("AE-DU", "AE", "Dubai", 25.2048, 55.2708, "AED", 1.0));

    private static final Map<Region, Double> HOME_WEIGHTS = weights(HOME_REGIONS);

    private RegionTable() {}

    static Region pickHome(SplittableRandom random) {
        return WeightedPick.from(HOME_WEIGHTS, random);
    }

    /** A home region in another country than {@code country}: "abroad, but plausible". */
    static Region pickAbroad(String country, SplittableRandom random) {
        List<Region> abroad = new ArrayList<>();
        for (Region region : HOME_REGIONS) {
            if (!region.country().equals(country)) {
                abroad.add(region);
            }
        }
        return WeightedPick.uniform(abroad, random);
    }

    static Region pickFar(SplittableRandom random) {
        return WeightedPick.uniform(FAR_REGIONS, random);
    }

    /** The home region with the given code. */
    static Region home(String code) {
        for (Region region : HOME_REGIONS) {
            if (region.code().equals(code)) {
                return region;
            }
        }
        throw new IllegalArgumentException("no home region " + code);
    }

    private static Map<Region, Double> weights(List<Region> regions) {
        Map<Region, Double> weights = new LinkedHashMap<>();
        regions.forEach(region -> weights.put(region, region.weight()));
        return weights;
    }
}
