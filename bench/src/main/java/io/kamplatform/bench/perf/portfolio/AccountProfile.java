package io.kamplatform.bench.perf.portfolio;

import java.util.Random;

/**
 * What kind of customer one account is, drawn from its own random stream (so any account can be generated alone):
 * annual revenue from a lognormal (the top 20% of accounts make about 80% of revenue), margin, whether it is a key
 * account (about the top 10% by revenue) and whether it belongs to a parent group.
 */
record AccountProfile(int index, String id, String parentId, double annualRevenue, double margin, double growth,
                      boolean key, boolean buysEveryMonth, boolean contract) {

    static final double LOGNORMAL_SIGMA = 1.7;
    /** z above which an account is a key account: the top 10% of a normal distribution. */
    static final double KEY_ACCOUNT_Z = 1.2816;

    static AccountProfile of(long seed, int index, String id, int groups, String groupPrefix) {
        Random rnd = random(seed, index);
        double z = rnd.nextGaussian();
        double annual = Math.min(5_000_000, Math.max(6_000, 80_000 * Math.exp(LOGNORMAL_SIGMA * z)));
        boolean key = z > KEY_ACCOUNT_Z;
        String parent = rnd.nextDouble() < 0.15 ? groupPrefix + "%04d".formatted(rnd.nextInt(groups)) : null;
        return new AccountProfile(index, id, parent, annual, 0.18 + 0.2 * rnd.nextDouble(), -0.08 + 0.2 * rnd.nextDouble(),
                key, key || rnd.nextDouble() < 0.6, key || rnd.nextDouble() < 0.6);
    }

    /** The account's own random stream, independent of every other account's. */
    static Random random(long seed, int index) {
        return new Random(seed * 1_000_003L + index * 7_919L + 17);
    }
}
