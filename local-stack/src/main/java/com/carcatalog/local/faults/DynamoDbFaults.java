package com.carcatalog.local.faults;

import java.util.Locale;

/**
 * How often the local DynamoDB misbehaves on purpose, as DynamoDB does under load: the share of
 * data-plane requests answered {@code ProvisionedThroughputExceededException} ({@code throttle}) or
 * HTTP 500 {@code InternalServerError} ({@code error500}), both without executing the request, and
 * the share of BatchWriteItem / BatchGetItem requests of which part is left unprocessed
 * ({@code unprocessed}: each item or key is withheld with probability 1/2, at least one).
 *
 * <p>Written as on the command line: {@code throttle=0.05,unprocessed=0.10,error500=0.01}.
 *
 * @param seed seeds the draws, so a run's faults can be repeated
 */
public record DynamoDbFaults(double throttle, double unprocessed, double error500, long seed) {

    public static final DynamoDbFaults NONE = new DynamoDbFaults(0, 0, 0, 0);
    private static final long DEFAULT_SEED = 1;

    public DynamoDbFaults {
        rate("throttle", throttle);
        rate("unprocessed", unprocessed);
        rate("error500", error500);
        if (throttle + error500 > 1) {
            throw new IllegalArgumentException("throttle + error500 must not exceed 1, got " + (throttle + error500));
        }
    }

    /**
     * Parses {@code name=rate,...} with names {@code throttle}, {@code unprocessed}, {@code error500}
     * and {@code seed}; a name left out is 0 (the seed 1).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static DynamoDbFaults parse(String text) {
        double throttle = 0;
        double unprocessed = 0;
        double error500 = 0;
        long seed = DEFAULT_SEED;
        for (String part : text.split(",")) {
            String[] nameAndValue = part.strip().split("=", 2);
            if (nameAndValue.length != 2) {
                throw new IllegalArgumentException("expected name=value, got '" + part.strip() + "'");
            }
            String name = nameAndValue[0].strip().toLowerCase(Locale.ROOT);
            String value = nameAndValue[1].strip();
            try {
                switch (name) {
                    case "throttle" -> throttle = Double.parseDouble(value);
                    case "unprocessed" -> unprocessed = Double.parseDouble(value);
                    case "error500" -> error500 = Double.parseDouble(value);
                    case "seed" -> seed = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("unknown fault '" + name
                            + "'; known: throttle, unprocessed, error500, seed");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + value + "' is not a number (for " + name + ")", e);
            }
        }
        return new DynamoDbFaults(throttle, unprocessed, error500, seed);
    }

    public boolean any() {
        return throttle > 0 || unprocessed > 0 || error500 > 0;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "throttle=%s,unprocessed=%s,error500=%s,seed=%d", throttle, unprocessed, error500, seed);
    }

    private static void rate(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be a rate from 0 to 1, got " + value);
        }
    }
}
