package com.carcatalog.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Parses a Choice state's rules: {@code And}/{@code Or}/{@code Not} trees over comparisons of a
 * {@code Variable} with a literal or (the {@code *Path} variants) another path. Only top-level
 * rules carry {@code Next}.
 */
final class ChoiceRuleParser {

    private ChoiceRuleParser() {
    }

    static State.Choice choice(DefinitionFields f) {
        JsonNode choicesNode = f.required("Choices");
        if (!choicesNode.isArray() || choicesNode.isEmpty()) {
            throw f.error("Choices", "must be a non-empty array of choice rules");
        }
        List<ChoiceRule.Branch> branches = new ArrayList<>();
        for (int i = 0; i < choicesNode.size(); i++) {
            String field = "Choices[" + i + "]";
            JsonNode ruleNode = choicesNode.get(i);
            JsonNode next = ruleNode.get("Next");
            if (next == null || !next.isTextual()) {
                throw f.error(field + ".Next", "every top-level choice rule needs a Next state");
            }
            branches.add(new ChoiceRule.Branch(rule(f.state, field, ruleNode, true), next.textValue()));
        }
        return new State.Choice(f.state, StateMachineParser.dataFlow(f), branches, f.optionalString("Default"));
    }

    private static ChoiceRule rule(String state, String field, JsonNode node, boolean topLevel) {
        if (!node.isObject()) {
            throw new DefinitionException(state, field, "a choice rule must be a JSON object");
        }
        List<String> operators = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (name.equals("Variable") || name.equals("Comment") || topLevel && name.equals("Next")) {
                continue;
            }
            if (name.equals("Next")) {
                throw new DefinitionException(state, field + ".Next", "only top-level choice rules may have Next");
            }
            if (DefinitionFields.UNSUPPORTED.containsKey(name) || name.equals("Condition")) {
                throw new DefinitionException(state, field + "." + name, name.equals("Condition")
                        ? "JSONata conditions are not supported by this executor; use Variable and a comparison"
                        : DefinitionFields.UNSUPPORTED.get(name));
            }
            operators.add(name);
        }
        if (operators.size() != 1) {
            throw new DefinitionException(state, field, "a choice rule needs exactly one of And, Or, Not or a "
                    + "comparison operator, found " + operators);
        }
        String operatorName = operators.get(0);
        JsonNode operand = node.get(operatorName);
        String where = field + "." + operatorName;
        switch (operatorName) {
            case "And", "Or" -> {
                if (node.has("Variable")) {
                    throw new DefinitionException(state, field + ".Variable", operatorName + " rules take no Variable");
                }
                if (!operand.isArray() || operand.isEmpty()) {
                    throw new DefinitionException(state, where, "must be a non-empty array of choice rules");
                }
                List<ChoiceRule> rules = new ArrayList<>();
                for (int i = 0; i < operand.size(); i++) {
                    rules.add(rule(state, where + "[" + i + "]", operand.get(i), false));
                }
                return operatorName.equals("And") ? new ChoiceRule.And(rules) : new ChoiceRule.Or(rules);
            }
            case "Not" -> {
                if (node.has("Variable")) {
                    throw new DefinitionException(state, field + ".Variable", "Not rules take no Variable");
                }
                return new ChoiceRule.Not(rule(state, where, operand, false));
            }
            default -> {
                return comparison(state, field, node, operatorName, operand);
            }
        }
    }

    private static ChoiceRule comparison(String state, String field, JsonNode node, String operatorName,
                                         JsonNode operand) {
        JsonNode variable = node.get("Variable");
        if (variable == null || !variable.isTextual()) {
            throw new DefinitionException(state, field + ".Variable", "a comparison needs a Variable path");
        }
        DefinitionFields.validatePath(state, field + ".Variable", variable.textValue());
        boolean pathVariant = operatorName.endsWith("Path");
        String baseName = pathVariant ? operatorName.substring(0, operatorName.length() - 4) : operatorName;
        ChoiceRule.Operator operator = ChoiceRule.Operator.byFieldName(baseName)
                .filter(op -> !pathVariant || op.hasPathVariant())
                .orElseThrow(() -> new DefinitionException(state, field + "." + operatorName,
                        "is not a choice rule operator"));
        String where = field + "." + operatorName;
        if (pathVariant) {
            if (!operand.isTextual()) {
                throw new DefinitionException(state, where, "must be a path string");
            }
            DefinitionFields.validatePath(state, where, operand.textValue());
            return new ChoiceRule.Comparison(variable.textValue(), operator, null, operand.textValue());
        }
        if (!operator.acceptsOperand(operand)) {
            throw new DefinitionException(state, where, "has an operand of the wrong type: " + Json.write(operand));
        }
        return new ChoiceRule.Comparison(variable.textValue(), operator, operand, null);
    }
}
