package com.carcatalog.local.testdata;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Invents model names the way manufacturers do: a derivative of an existing model
 * ({@code Golf Allroad}), a renumbered one ({@code CX-30} to {@code CX-70}), a code
 * ({@code GX 45}) or a new word ({@code Solento}). Never hands out a name the manufacturer
 * already uses, so every invented model is a new value of the {@code model} column.
 */
final class ModelNamer {

    private static final List<String> DERIVATIVES = List.of(
            "Cross", "Sport", "Plus", "Active", "Allroad", "Scout", "Touring", "GT", "Max", "Pro",
            "Edge", "Trail", "Urban", "Neo", "Evo", "Line", "Life", "Style", "Vision", "Xtra",
            "City", "Sportline", "Long Range", "Limited");
    private static final List<String> WORD_STARTS = List.of(
            "Ar", "Bel", "Cor", "Dav", "El", "Fen", "Gal", "Kal", "Lum", "Mar", "Nov", "Or", "Pal",
            "Quin", "Ros", "Sol", "Tav", "Ul", "Ver", "Zen", "Ast", "Cal", "Mir", "Sen", "Tor", "Vel");
    private static final List<String> WORD_MIDDLES = List.of(
            "", "", "a", "e", "i", "o", "an", "en", "er", "ar", "il", "ov", "et", "ur");
    private static final List<String> WORD_ENDINGS = List.of(
            "o", "a", "ia", "ento", "ara", "ino", "ix", "on", "us", "eo", "ana", "ero", "ada", "is", "ette");
    private static final String CODE_LETTERS = "ABCDEFGHJKLMNPRSTVXZ";
    private static final int ATTEMPTS = 16;

    private final Set<String> taken = new HashSet<>();
    private long fallback;

    ModelNamer(List<ModelLine> existing) {
        existing.forEach(model -> taken.add(model.name()));
    }

    /** A name not used before by this manufacturer, sometimes derived from {@code parent}. */
    String inventFrom(String parent, Random random) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            double style = random.nextDouble();
            String name;
            if (style < 0.3) {
                name = parent + " " + DERIVATIVES.get(random.nextInt(DERIVATIVES.size()));
            } else if (style < 0.5 && parent.chars().anyMatch(Character::isDigit)) {
                name = renumbered(parent, random);
            } else if (style < 0.7) {
                name = code(random);
            } else {
                name = word(random);
            }
            if (taken.add(name)) {
                return name;
            }
        }
        String name;
        do {
            name = word(random) + " " + (++fallback);
        } while (!taken.add(name));
        return name;
    }

    private static String renumbered(String name, Random random) {
        StringBuilder result = new StringBuilder(name.length());
        boolean startOfNumber = true;
        for (char c : name.toCharArray()) {
            if (Character.isDigit(c)) {
                result.append((char) ('0' + (startOfNumber ? 1 + random.nextInt(9) : random.nextInt(10))));
                startOfNumber = false;
            } else {
                result.append(c);
                startOfNumber = true;
            }
        }
        return result.toString();
    }

    private static String code(Random random) {
        StringBuilder code = new StringBuilder();
        int letters = 1 + random.nextInt(2);
        for (int i = 0; i < letters; i++) {
            code.append(CODE_LETTERS.charAt(random.nextInt(CODE_LETTERS.length())));
        }
        code.append(random.nextBoolean() ? " " : "-");
        code.append(random.nextBoolean() ? 1 + random.nextInt(9) : 10 * (1 + random.nextInt(9)));
        return code.toString();
    }

    private static String word(Random random) {
        return WORD_STARTS.get(random.nextInt(WORD_STARTS.size()))
                + WORD_MIDDLES.get(random.nextInt(WORD_MIDDLES.size()))
                + WORD_ENDINGS.get(random.nextInt(WORD_ENDINGS.size()));
    }
}
