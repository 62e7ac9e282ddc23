package com.carcatalog.asl;

import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CloudFormation's {@code DefinitionSubstitutions} for a state machine: every {@code ${Name}}
 * in the definition text is replaced by its value. A placeholder without a value is an error
 * (CloudFormation refuses the template), so a typo cannot reach a running execution.
 */
public final class DefinitionSubstitutions {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    private DefinitionSubstitutions() {
    }

    public static String apply(String definition, Map<String, String> values) {
        TreeSet<String> unknown = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(definition);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = values.get(name);
            if (value == null) {
                unknown.add(name);
                value = matcher.group();
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("The definition uses placeholders with no substitution: "
                    + unknown.stream().map(n -> "${" + n + "}").toList() + " (known: " + new TreeSet<>(values.keySet())
                    + ")");
        }
        return out.toString();
    }
}
