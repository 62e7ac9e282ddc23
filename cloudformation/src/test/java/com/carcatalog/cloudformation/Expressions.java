package com.carcatalog.cloudformation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Intrinsic functions read as text: {@link #render} turns an expression into the string CloudFormation
 * would build, with every reference left as {@code ${Name}} or {@code ${Name.Attribute}} (so
 * {@code !GetAtt T.Arn}, {@code !Sub ${T.Arn}} and {@code {"Fn::Sub": "${T.Arn}"}} all read
 * {@code ${T.Arn}}); {@link #references} lists what an expression refers to.
 */
final class Expressions {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    /** A Ref, a GetAtt (attribute set), a Sub variable, or a condition name. */
    record Reference(Kind kind, String name, String attribute) {
        enum Kind { REF, GET_ATT, CONDITION }

        @Override
        public String toString() {
            return switch (kind) {
                case REF -> "Ref " + name;
                case GET_ATT -> "GetAtt " + name + "." + attribute;
                case CONDITION -> "Condition " + name;
            };
        }
    }

    private Expressions() {
    }

    static String render(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Expressions::render).collect(Collectors.joining(",", "[", "]"));
        }
        Map<String, Object> map = Values.map(value, "expression");
        if (map.size() == 1) {
            Map.Entry<String, Object> only = map.entrySet().iterator().next();
            Object argument = only.getValue();
            switch (only.getKey()) {
                case "Ref":
                    return "${" + argument + "}";
                case "Fn::GetAtt": {
                    List<Object> parts = Values.list(argument);
                    return "${" + render(parts.get(0)) + "." + render(parts.get(1)) + "}";
                }
                case "Fn::Sub":
                    return sub(argument);
                case "Fn::Join": {
                    List<Object> parts = Values.list(argument);
                    String delimiter = render(parts.get(0));
                    return Values.list(parts.get(1)).stream().map(Expressions::render).collect(Collectors.joining(delimiter));
                }
                case "Fn::If": {
                    List<Object> parts = Values.list(argument);
                    return "{if " + parts.get(0) + ": " + render(parts.get(1)) + " else " + render(parts.get(2)) + "}";
                }
                default:
                    if (only.getKey().startsWith("Fn::")) {
                        return "{" + only.getKey() + " " + render(argument) + "}";
                    }
            }
        }
        return map.entrySet().stream().map(e -> e.getKey() + "=" + render(e.getValue())).collect(Collectors.joining(",", "{", "}"));
    }

    private static String sub(Object argument) {
        if (argument instanceof String text) {
            return text;
        }
        List<Object> parts = Values.list(argument);
        String text = (String) parts.get(0);
        Map<String, Object> variables = parts.size() > 1 ? Values.map(parts.get(1), "Fn::Sub variables") : Map.of();
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Object local = variables.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(local == null ? matcher.group() : render(local)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Every reference in {@code value}, nested ones included. */
    static List<Reference> references(Object value) {
        List<Reference> found = new ArrayList<>();
        collect(value, found);
        return found;
    }

    private static void collect(Object value, List<Reference> found) {
        if (value instanceof List<?> list) {
            list.forEach(item -> collect(item, found));
            return;
        }
        if (!(value instanceof Map<?, ?>)) {
            return;
        }
        Map<String, Object> map = Values.map(value, "expression");
        if (map.size() == 1) {
            Map.Entry<String, Object> only = map.entrySet().iterator().next();
            Object argument = only.getValue();
            switch (only.getKey()) {
                case "Ref" -> {
                    found.add(new Reference(Reference.Kind.REF, String.valueOf(argument), null));
                    return;
                }
                case "Fn::GetAtt" -> {
                    List<Object> parts = Values.list(argument);
                    found.add(new Reference(Reference.Kind.GET_ATT, String.valueOf(parts.get(0)), String.valueOf(parts.get(1))));
                    return;
                }
                case "Fn::Sub" -> {
                    collectSub(argument, found);
                    return;
                }
                case "Fn::If" -> {
                    List<Object> parts = Values.list(argument);
                    found.add(new Reference(Reference.Kind.CONDITION, String.valueOf(parts.get(0)), null));
                    parts.subList(1, parts.size()).forEach(part -> collect(part, found));
                    return;
                }
                case "Condition" -> {
                    if (argument instanceof String name) {
                        found.add(new Reference(Reference.Kind.CONDITION, name, null));
                        return;
                    }
                }
                default -> {
                }
            }
        }
        map.values().forEach(item -> collect(item, found));
    }

    private static void collectSub(Object argument, List<Reference> found) {
        String text;
        Map<String, Object> variables = Map.of();
        if (argument instanceof String string) {
            text = string;
        } else {
            List<Object> parts = Values.list(argument);
            text = (String) parts.get(0);
            if (parts.size() > 1) {
                variables = Values.map(parts.get(1), "Fn::Sub variables");
                variables.values().forEach(local -> collect(local, found));
            }
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        while (matcher.find()) {
            String variable = matcher.group(1);
            if (variable.startsWith("!") || variables.containsKey(variable)) {
                continue;
            }
            int dot = variable.indexOf('.');
            if (dot > 0 && !variable.startsWith("AWS::")) {
                found.add(new Reference(Reference.Kind.GET_ATT, variable.substring(0, dot), variable.substring(dot + 1)));
            } else {
                found.add(new Reference(Reference.Kind.REF, variable, null));
            }
        }
    }

    /** IAM-style wildcard match: {@code *} any run of characters, {@code ?} one character. */
    static boolean covers(String pattern, String target) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return target.matches(regex.toString());
    }
}
