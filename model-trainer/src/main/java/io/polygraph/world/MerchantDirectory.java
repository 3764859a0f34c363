package io.polygraph.world;

import java.util.SplittableRandom;

/**
 * Names the merchants of the world: deterministic ids that say the category and region, so that the
 * same shop is the same id for every customer who visits it.
 *
 * <p>Online-only merchants (digital goods, money transfer services) have no region. A few hundred
 * merchants per category and region are enough for favourite merchants to stand out.
 */
final class MerchantDirectory {

    private static final int MERCHANTS_PER_CATEGORY_AND_REGION = 250;

    private MerchantDirectory() {}

    /** A random merchant of the category in the region. */
    static String pick(MerchantCategory category, String regionCode, SplittableRandom random) {
        int number = random.nextInt(MERCHANTS_PER_CATEGORY_AND_REGION);
        String place = onlineOnly(category) ? "WEB" : regionCode;
        return String.format("m-%s-%s-%04d", category.code(), place, number);
    }

    /** A card terminal of the merchant. */
    static String terminal(String merchantId, SplittableRandom random) {
        return "pos-" + merchantId.substring(2) + "-" + (1 + random.nextInt(4));
    }

    /** A cash machine in the region. */
    static String cashMachine(String regionCode, SplittableRandom random) {
        return String.format("atm-%s-%04d", regionCode, random.nextInt(2000));
    }

    /** A device id such as a browser fingerprint: 12 hex digits. */
    static String device(SplittableRandom random) {
        return String.format("dev-%012x", random.nextLong() & 0xFFFF_FFFF_FFFFL);
    }

    private static boolean onlineOnly(MerchantCategory category) {
        return category == MerchantCategory.DIGITAL_GOODS
                || category == MerchantCategory.MONEY_TRANSFER;
    }
}
