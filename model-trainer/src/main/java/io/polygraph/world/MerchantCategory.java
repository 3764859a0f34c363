package io.polygraph.world;

import io.polygraph.schema.Channel;
import java.util.EnumMap;
import java.util.Map;

/**
 * The merchant categories of the world, with their ISO 18245 merchant category codes, typical
 * amounts and the channels they are paid through.
 *
 * <p>Amounts are log-normal: {@code medianEuros} is the median for a middle-income customer and
 * {@code sigma} the spread of the logarithm. Channel weights say how a category is usually paid
 * (fuel at a terminal, digital goods online); the customer's age shifts them further.
 */
enum MerchantCategory {
    GROCERY("5411", 35, 0.7, channels(4, 5, 1, 0, 0)),
    RESTAURANT("5812", 28, 0.6, channels(4, 5, 1, 0, 0)),
    FAST_FOOD("5814", 11, 0.5, channels(2, 6, 2, 0, 0)),
    FUEL("5541", 55, 0.35, channels(6, 4, 0, 0, 0)),
    TRANSIT("4111", 4, 0.6, channels(0, 6, 4, 0, 0)),
    ELECTRONICS("5732", 120, 1.0, channels(4, 1, 5, 0, 0)),
    PHARMACY("5912", 18, 0.6, channels(5, 5, 1, 0, 0)),
    HOTEL("7011", 140, 0.5, channels(5, 0, 5, 0, 0)),
    AIRLINE("4511", 220, 0.6, channels(1, 0, 9, 0, 0)),
    CLOTHING("5651", 60, 0.7, channels(4, 4, 4, 0, 0)),
    MISC_RETAIL("5999", 30, 0.8, channels(4, 4, 3, 0, 0)),
    ATM_CASH("6011", 100, 0.6, channels(0, 0, 0, 1, 0)),
    MONEY_TRANSFER("4829", 150, 0.9, channels(0, 0, 4, 0, 6)),
    DIGITAL_GOODS("5816", 12, 0.8, channels(0, 0, 1, 0, 0)),
    JEWELRY("5944", 250, 0.9, channels(8, 0, 2, 0, 0));

    private final String code;
    private final double medianEuros;
    private final double sigma;
    private final Map<Channel, Double> channelWeights;

    MerchantCategory(
            String code, double medianEuros, double sigma, Map<Channel, Double> channelWeights) {
        this.code = code;
        this.medianEuros = medianEuros;
        this.sigma = sigma;
        this.channelWeights = channelWeights;
    }

    /** The four-digit merchant category code. */
    String code() {
        return code;
    }

    double medianEuros() {
        return medianEuros;
    }

    double sigma() {
        return sigma;
    }

    /** How this category is usually paid; a fresh, modifiable copy. */
    EnumMap<Channel, Double> channelWeights() {
        return new EnumMap<>(channelWeights);
    }

    static MerchantCategory ofCode(String code) {
        for (MerchantCategory category : values()) {
            if (category.code.equals(code)) {
                return category;
            }
        }
        throw new IllegalArgumentException("unknown merchant category code " + code);
    }

    private static Map<Channel, Double> channels(
            double cardPresent, double contactless, double online, double atm, double transfer) {
        EnumMap<Channel, Double> weights = new EnumMap<>(Channel.class);
        putPositive(weights, Channel.CARD_PRESENT, cardPresent);
        putPositive(weights, Channel.CONTACTLESS, contactless);
        putPositive(weights, Channel.ONLINE, online);
        putPositive(weights, Channel.ATM, atm);
        putPositive(weights, Channel.TRANSFER, transfer);
        return weights;
    }

    private static void putPositive(Map<Channel, Double> weights, Channel channel, double value) {
        if (value > 0) {
            weights.put(channel, value);
        }
    }
}
