package io.polygraph.world;

import io.polygraph.schema.Location;
import java.util.SplittableRandom;

/**
 * Distances and random offsets on the Earth's surface.
 *
 * <p>Offsets use a local flat approximation, which is accurate to well under a percent for the tens
 * of kilometres the world jitters by, and much cheaper than exact geodesics.
 */
final class GreatCircle {

    static final double EARTH_RADIUS_KM = 6371.0;
    private static final double KM_PER_DEGREE = Math.PI * EARTH_RADIUS_KM / 180.0;

    private GreatCircle() {}

    /** Haversine distance in kilometres. */
    static double km(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a =
                Math.sin(dLat / 2) * Math.sin(dLat / 2)
                        + Math.cos(Math.toRadians(lat1))
                                * Math.cos(Math.toRadians(lat2))
                                * Math.sin(dLon / 2)
                                * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(a)));
    }

    static double km(Location a, Location b) {
        return km(a.getLatitude(), a.getLongitude(), b.getLatitude(), b.getLongitude());
    }

    /** A point uniformly distributed in the disc of {@code radiusKm} around the given one. */
    static Location jitter(Location centre, double radiusKm, SplittableRandom random) {
        return offset(centre, radiusKm * Math.sqrt(random.nextDouble()), random);
    }

    /** A point at about {@code distanceKm} from the given one in a random direction. */
    static Location offset(Location centre, double distanceKm, SplittableRandom random) {
        double bearing = random.nextDouble(2 * Math.PI);
        double dLat = distanceKm * Math.cos(bearing) / KM_PER_DEGREE;
        double cosLat = Math.max(0.05, Math.cos(Math.toRadians(centre.getLatitude())));
        double dLon = distanceKm * Math.sin(bearing) / (KM_PER_DEGREE * cosLat);
        return new Location(
                centre.getCountry(),
                centre.getRegion(),
                round(Math.max(-90, Math.min(90, centre.getLatitude() + dLat))),
                round(wrapLongitude(centre.getLongitude() + dLon)));
    }

    private static double wrapLongitude(double longitude) {
        return ((longitude + 540.0) % 360.0) - 180.0;
    }

    /** Five decimals (about a metre): coarse enough to look like a geocoded place. */
    private static double round(double degrees) {
        return Math.round(degrees * 1e5) / 1e5;
    }
}
