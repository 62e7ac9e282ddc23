package com.carcatalog.local.testdata;

import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The four drive columns of a car: {@code engine}, {@code fuel}, {@code transmission} and
 * {@code transmissiontype}. Construction enforces the catalog's rules, so a generated row can
 * never break them: electric cars are Automatic with transmission type {@code NA} (one speed),
 * manuals have {@code NA}, and every other automatic names its type (DCT, CVT, ...).
 */
public record Powertrain(String engine, String fuel, String transmission, String transmissionType) {

    public static final String ELECTRIC = "Electric";
    public static final String MANUAL = "Manual";
    public static final String AUTOMATIC = "Automatic";
    public static final String NOT_APPLICABLE = "NA";

    private static final Pattern DISPLACEMENT = Pattern.compile("(\\d{1,2})\\.(\\d)L (\\S+)(.*)");
    private static final Pattern POWER = Pattern.compile("Electric (\\d{1,4}) kW(.*)");

    /** Plausible displacements in tenths of a litre per cylinder layout, so a V8 never shrinks to 1.2L. */
    private static final Map<String, int[]> DISPLACEMENT_RANGES = Map.of(
            "I3", new int[] {9, 16},
            "I4", new int[] {10, 28},
            "I5", new int[] {20, 30},
            "I6", new int[] {25, 35},
            "V6", new int[] {24, 40},
            "V8", new int[] {39, 68},
            "F4", new int[] {16, 26},
            "F6", new int[] {27, 42});

    public Powertrain {
        Vocabulary.requireValue(engine, "engine");
        Vocabulary.requireValue(fuel, "fuel");
        Vocabulary.requireValue(transmission, "transmission");
        Vocabulary.requireValue(transmissionType, "transmissiontype");
        boolean na = NOT_APPLICABLE.equals(transmissionType);
        if (ELECTRIC.equals(fuel) && !(AUTOMATIC.equals(transmission) && na)) {
            throw new IllegalArgumentException("an electric car is Automatic with transmission type NA, not "
                    + transmission + "/" + transmissionType + " (engine " + engine + ")");
        }
        if (MANUAL.equals(transmission) && !na) {
            throw new IllegalArgumentException("a manual has transmission type NA, not " + transmissionType
                    + " (engine " + engine + ")");
        }
        if (AUTOMATIC.equals(transmission) && !ELECTRIC.equals(fuel) && na) {
            throw new IllegalArgumentException("a " + fuel + " automatic needs a transmission type such as DCT,"
                    + " CVT or Torque Converter (engine " + engine + ")");
        }
        if (!MANUAL.equals(transmission) && !AUTOMATIC.equals(transmission)) {
            throw new IllegalArgumentException("transmission must be Manual or Automatic, not " + transmission);
        }
    }

    /** A battery-electric drive: single-speed, so Automatic with transmission type NA. */
    public static Powertrain electric(String engine) {
        return new Powertrain(engine, ELECTRIC, AUTOMATIC, NOT_APPLICABLE);
    }

    /** A combustion or hybrid engine with a manual gearbox. */
    public static Powertrain manual(String engine, String fuel) {
        return new Powertrain(engine, fuel, MANUAL, NOT_APPLICABLE);
    }

    /** A combustion or hybrid engine with an automatic of the given type (DCT, CVT, e-CVT, AMT...). */
    public static Powertrain automatic(String engine, String fuel, String transmissionType) {
        return new Powertrain(engine, fuel, AUTOMATIC, transmissionType);
    }

    public boolean isElectric() {
        return ELECTRIC.equals(fuel);
    }

    /**
     * A sibling from the same engine family, as manufacturers offer one engine in several
     * tunes: another output ({@code 1.5L I4 TSI 150 hp}) or another displacement within what
     * the cylinder layout allows ({@code 1.4L I4 TSI}); another power for {@code Electric 150 kW}.
     * Engines in neither form come back unchanged. This is what turns a few hundred real
     * engines into thousands of distinct ones.
     */
    Powertrain sibling(Random random) {
        Matcher power = POWER.matcher(engine);
        if (power.matches()) {
            int kilowatts = Integer.parseInt(power.group(1));
            int varied = roundToFive(kilowatts * (0.7 + 0.6 * random.nextDouble()));
            return withEngine("Electric " + Math.max(20, Math.min(800, varied)) + " kW" + power.group(2));
        }
        Matcher displacement = DISPLACEMENT.matcher(engine);
        if (!displacement.matches()) {
            return this;
        }
        int tenths = Integer.parseInt(displacement.group(1)) * 10 + Integer.parseInt(displacement.group(2));
        if (random.nextBoolean()) {
            int horsepower = roundToFive(tenths * (5.5 + 6.5 * random.nextDouble()));
            return withEngine(engine + " " + horsepower + " hp");
        }
        int[] range = DISPLACEMENT_RANGES.getOrDefault(displacement.group(3),
                new int[] {Math.max(6, tenths - 5), tenths + 5});
        int step = 1 + random.nextInt(5);
        int varied = Math.max(range[0], Math.min(range[1], tenths + (random.nextBoolean() ? step : -step)));
        return withEngine(varied / 10 + "." + varied % 10 + "L " + displacement.group(3) + displacement.group(4));
    }

    private static int roundToFive(double value) {
        return (int) Math.round(value / 5.0) * 5;
    }

    private Powertrain withEngine(String newEngine) {
        return new Powertrain(newEngine, fuel, transmission, transmissionType);
    }
}
