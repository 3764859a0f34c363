package io.polygraph.world;

import io.polygraph.schema.Channel;
import io.polygraph.schema.Location;
import io.polygraph.schema.Occupation;
import io.polygraph.schema.Transaction;
import java.util.SplittableRandom;

/**
 * Ways of making a behaviour anomaly: a transaction typical of a strongly contrasting profile,
 * plausible on its own and suspicious only next to the account holder's profile.
 *
 * <p>Modest personas (low income, old, no earnings of their own) get the behaviour of a wealthy,
 * young, night-active customer; well-off working personas get a pensioner's. Each recipe says when
 * it happens, so that the time of day is part of the contrast.
 */
enum ContrastRecipe {
    /** A large transfer to a foreign counterparty at night, from an unknown device abroad. */
    NIGHT_TRANSFER_ABROAD("night-transfer-abroad", 23, 6) {
        @Override
        Transaction make(Customer customer, Transaction base, SplittableRandom random) {
            Channel channel = random.nextBoolean() ? Channel.TRANSFER : Channel.ONLINE;
            return abroadOnline(
                    customer, base, MerchantCategory.MONEY_TRANSFER, channel, 1800, random);
        }
    },
    /** Jewellery or electronics bought online at night, from an unknown device abroad. */
    LUXURY_ONLINE_NIGHT("luxury-online-night", 23, 6) {
        @Override
        Transaction make(Customer customer, Transaction base, SplittableRandom random) {
            MerchantCategory category =
                    random.nextBoolean() ? MerchantCategory.JEWELRY : MerchantCategory.ELECTRONICS;
            return abroadOnline(customer, base, category, Channel.ONLINE, 1200, random);
        }
    },
    /** A gamer's night: digital goods bought online in the small hours, from a new device. */
    DIGITAL_GOODS_NIGHT("digital-goods-night", 0, 5) {
        @Override
        Transaction make(Customer customer, Transaction base, SplittableRandom random) {
            Location home =
                    TransactionSampler.nearHome(customer.habits().home(), Channel.ONLINE, random);
            return Transaction.newBuilder(base)
                    .setMerchantCategory(MerchantCategory.DIGITAL_GOODS.code())
                    .setMerchantId(
                            MerchantDirectory.pick(MerchantCategory.DIGITAL_GOODS, "WEB", random))
                    .setChannel(Channel.ONLINE)
                    .setAmountMinor(euros(customer, 60, 0.5, random))
                    .setLocation(home)
                    .setSignatureCaptured(false)
                    .setDeviceId(MerchantDirectory.device(random))
                    .build();
        }
    },
    /** A pensioner's morning: a small card payment at a pharmacy, or cash at the machine. */
    PENSIONER_PATTERN("pensioner-pattern", 8, 3) {
        @Override
        Transaction make(Customer customer, Transaction base, SplittableRandom random) {
            boolean pharmacy = random.nextBoolean();
            MerchantCategory category =
                    pharmacy ? MerchantCategory.PHARMACY : MerchantCategory.ATM_CASH;
            Channel channel = pharmacy ? Channel.CARD_PRESENT : Channel.ATM;
            String region = customer.habits().home().getRegion();
            String merchantId = MerchantDirectory.pick(category, region, random);
            Location where = TransactionSampler.nearHome(customer.habits().home(), channel, random);
            long amount =
                    pharmacy
                            ? euros(customer, 9, 0.4, random)
                            : Money.roundedMinorUnits(
                                    20 + 10 * random.nextInt(4), customer.currency(), 10);
            return Transaction.newBuilder(base)
                    .setMerchantCategory(category.code())
                    .setMerchantId(merchantId)
                    .setChannel(channel)
                    .setAmountMinor(amount)
                    .setLocation(where)
                    .setSignatureCaptured(pharmacy && random.nextDouble() < 0.5)
                    .setDeviceId(
                            TransactionSampler.device(customer, channel, merchantId, where, random))
                    .build();
        }
    };

    private final String detail;
    private final int fromHour;
    private final int hours;

    ContrastRecipe(String detail, int fromHour, int hours) {
        this.detail = detail;
        this.fromHour = fromHour;
        this.hours = hours;
    }

    /** The label detail, for example {@code contrast-profile:night-transfer-abroad}. */
    String detail() {
        return "contrast-profile:" + detail;
    }

    /** The first hour of the window in which the recipe's transactions happen. */
    int fromHour() {
        return fromHour;
    }

    /** The length of that window in hours. */
    int hours() {
        return hours;
    }

    /** Turns an ordinary transaction of the customer (id, time, currency kept) into the anomaly. */
    abstract Transaction make(Customer customer, Transaction base, SplittableRandom random);

    /** A recipe that contrasts with the persona. */
    static ContrastRecipe pickFor(Persona persona, SplittableRandom random) {
        if (!persona.modest()) {
            return PENSIONER_PATTERN;
        }
        boolean old =
                persona.ageGroup() == AgeGroup.SENIOR || persona.occupation() == Occupation.RETIRED;
        double u = random.nextDouble();
        if (old && u < 0.2) {
            return DIGITAL_GOODS_NIGHT;
        }
        return u < 0.6 ? NIGHT_TRANSFER_ABROAD : LUXURY_ONLINE_NIGHT;
    }

    private static Transaction abroadOnline(
            Customer customer,
            Transaction base,
            MerchantCategory category,
            Channel channel,
            double medianEuros,
            SplittableRandom random) {
        RegionTable.Region abroad =
                RegionTable.pickAbroad(customer.habits().home().getCountry(), random);
        return Transaction.newBuilder(base)
                .setMerchantCategory(category.code())
                .setMerchantId(MerchantDirectory.pick(category, abroad.code(), random))
                .setChannel(channel)
                .setAmountMinor(euros(customer, medianEuros, 0.4, random))
                .setLocation(TransactionSampler.nearDestination(abroad, channel, random))
                .setSignatureCaptured(false)
                .setDeviceId(MerchantDirectory.device(random))
                .build();
    }

    /** A log-normal amount in the customer's currency, independent of the customer's income. */
    private static long euros(
            Customer customer, double medianEuros, double sigma, SplittableRandom random) {
        return Money.minorUnits(
                medianEuros * Math.exp(sigma * random.nextGaussian()), customer.currency());
    }
}
