package com.carcatalog.local.cli;

import com.carcatalog.local.faults.DynamoDbFaults;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The kinds of option value {@code bin/catalog} takes, each checked while parsing: a value out of
 * range is a usage error naming the option (picocli adds {@code Invalid value for option '--x'}),
 * never a failure halfway through a command.
 */
final class OptionValues {

    private OptionValues() {
    }

    /** A TCP port the local stack listens on or a command connects to. */
    static final class Port implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            return whole(text, 1, 65535, "a port number 1..65535");
        }
    }

    /** A count that may be zero (zero skips that part of a benchmark). */
    static final class Count implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            return whole(text, 0, Integer.MAX_VALUE, "a whole number of at least 0");
        }
    }

    /** A count of at least one: runs, threads, queries, chunks written at once. */
    static final class PositiveCount implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            return whole(text, 1, Integer.MAX_VALUE, "a whole number of at least 1");
        }
    }

    static final class Percent implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            return whole(text, 0, 100, "a percentage 0..100");
        }
    }

    /** A duration in minutes, fractions allowed. */
    static final class Minutes implements ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            try {
                double minutes = Double.parseDouble(text);
                if (minutes >= 0 && Double.isFinite(minutes)) {
                    return minutes;
                }
            } catch (NumberFormatException e) {
                // told below
            }
            throw new TypeConversionException("'" + text + "' is not a number of minutes of at least 0");
        }
    }

    /** A fault spec like {@code throttle=0.05,unprocessed=0.10,error500=0.01,seed=1}. */
    static final class Faults implements ITypeConverter<DynamoDbFaults> {
        @Override
        public DynamoDbFaults convert(String text) {
            try {
                return DynamoDbFaults.parse(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + text + "': " + e.getMessage());
            }
        }
    }

    /** An environment variable for a child process, {@code NAME=VALUE}. */
    static final class Variable implements ITypeConverter<String> {
        @Override
        public String convert(String text) {
            if (text.indexOf('=') < 1) {
                throw new TypeConversionException("'" + text + "' is not NAME=VALUE");
            }
            return text;
        }
    }

    private static int whole(String text, int min, int max, String what) {
        try {
            int number = Integer.parseInt(text);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new TypeConversionException("'" + text + "' is not " + what);
    }
}
