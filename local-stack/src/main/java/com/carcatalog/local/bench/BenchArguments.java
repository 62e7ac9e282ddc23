package com.carcatalog.local.bench;

import com.carcatalog.local.Cli;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A benchmark command's options: {@code --name value} pairs (a name may repeat) and switches without
 * a value. Anything else is a usage error naming the command, so every benchmark reads its command
 * line the same way.
 */
final class BenchArguments {

    private final String command;
    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final Set<String> switches = new HashSet<>();

    private BenchArguments(String command) {
        this.command = command;
    }

    static BenchArguments parse(String command, Deque<String> arguments, Set<String> valueOptions, Set<String> switchOptions) {
        BenchArguments parsed = new BenchArguments(command);
        while (!arguments.isEmpty()) {
            String option = arguments.removeFirst();
            if (switchOptions.contains(option)) {
                parsed.switches.add(option);
            } else if (valueOptions.contains(option)) {
                if (arguments.isEmpty()) {
                    throw new Cli.UsageException(option + " needs a value");
                }
                parsed.values.computeIfAbsent(option, name -> new ArrayList<>()).add(arguments.removeFirst());
            } else {
                throw new Cli.UsageException("unknown option '" + option + "' for " + command);
            }
        }
        return parsed;
    }

    long number(String option, long fallback) {
        String value = last(option);
        try {
            return value == null ? fallback : Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new Cli.UsageException(option + " for " + command + " takes a whole number, not '" + value + "'");
        }
    }

    double decimal(String option, double fallback) {
        String value = last(option);
        try {
            return value == null ? fallback : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new Cli.UsageException(option + " for " + command + " takes a number, not '" + value + "'");
        }
    }

    /** Every value given for a repeatable option, in order. */
    List<String> all(String option) {
        return values.getOrDefault(option, List.of());
    }

    String last(String option) {
        List<String> given = all(option);
        return given.isEmpty() ? null : given.get(given.size() - 1);
    }

    boolean has(String option) {
        return switches.contains(option) || values.containsKey(option);
    }
}
