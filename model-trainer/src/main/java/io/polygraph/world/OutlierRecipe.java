package io.polygraph.world;

import io.polygraph.schema.Location;
import io.polygraph.schema.Transaction;
import java.util.SplittableRandom;

/**
 * Ways of making a plain outlier: an ordinary transaction of the customer with one value far
 * outside anything the customer (or anyone like them) does.
 */
enum OutlierRecipe {
    /** The amount multiplied by 20 to 100. */
    AMOUNT("outlier:amount") {
        @Override
        Transaction make(Customer customer, Transaction base, SplittableRandom random) {
            double factor = 20 + 80 * random.nextDouble();
            return Transaction.newBuilder(base)
                    .setAmountMinor(Math.round(base.getAmountMinor() * factor))
                    .build();
        }
    },
    /** The payment made on another continent. */
    FAR_LOCATION("outlier:far-location") {
        @Override
        Transaction make(Customer customer, Transaction base, SplittableRandom random) {
            RegionTable.Region far = RegionTable.pickFar(random);
            Location where = GreatCircle.jitter(far.centre(), 25, random);
            MerchantCategory category = MerchantCategory.ofCode(base.getMerchantCategory());
            String merchantId = MerchantDirectory.pick(category, far.code(), random);
            return Transaction.newBuilder(base)
                    .setLocation(where)
                    .setMerchantId(merchantId)
                    .setDeviceId(
                            TransactionSampler.device(
                                    customer, base.getChannel(), merchantId, where, random))
                    .build();
        }
    };

    private final String detail;

    OutlierRecipe(String detail) {
        this.detail = detail;
    }

    String detail() {
        return detail;
    }

    /** Turns an ordinary transaction of the customer (id, time, currency kept) into the outlier. */
    abstract Transaction make(Customer customer, Transaction base, SplittableRandom random);

    static OutlierRecipe pick(SplittableRandom random) {
        return random.nextBoolean() ? AMOUNT : FAR_LOCATION;
    }
}
