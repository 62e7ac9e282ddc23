package com.carcatalog.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns definition text into a validated {@link StateMachine}, or throws a
 * {@link DefinitionException} naming the state and field at fault. Everything is checked here:
 * transitions resolve, every state is reachable, Next/End are exclusive, paths and intrinsics
 * compile, and any field the executor does not implement (JSONata, variables, heartbeats...)
 * is refused rather than ignored.
 */
public final class StateMachineParser {

    private static final Set<String> TOP_LEVEL = Set.of("Comment", "StartAt", "States", "TimeoutSeconds",
            "Version", "QueryLanguage");
    private static final Set<String> GRAPH = Set.of("Comment", "StartAt", "States");
    private static final Set<String> COMMON = Set.of("Type", "Comment", "QueryLanguage");
    private static final Set<String> TRANSITION = Set.of("Next", "End");
    private static final Set<String> PATHS = Set.of("InputPath", "OutputPath");

    private static final Map<String, Set<String>> STATE_FIELDS = Map.of(
            "Pass", union(COMMON, TRANSITION, PATHS, Set.of("Parameters", "Result", "ResultPath")),
            "Task", union(COMMON, TRANSITION, PATHS, Set.of("Resource", "Parameters", "ResultSelector",
                    "ResultPath", "Retry", "Catch", "TimeoutSeconds", "TimeoutSecondsPath")),
            "Choice", union(COMMON, PATHS, Set.of("Choices", "Default")),
            "Wait", union(COMMON, TRANSITION, PATHS, Set.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath")),
            "Succeed", union(COMMON, PATHS),
            "Fail", union(COMMON, Set.of("Error", "ErrorPath", "Cause", "CausePath")),
            "Parallel", union(COMMON, TRANSITION, PATHS, Set.of("Branches", "Parameters", "ResultSelector",
                    "ResultPath", "Retry", "Catch")),
            "Map", union(COMMON, TRANSITION, PATHS, Set.of("ItemProcessor", "Iterator", "ItemsPath", "ItemSelector",
                    "Parameters", "ResultSelector", "ResultPath", "Retry", "Catch", "MaxConcurrency",
                    "MaxConcurrencyPath", "ItemReader", "ItemBatcher", "ResultWriter", "ToleratedFailurePercentage",
                    "ToleratedFailurePercentagePath", "ToleratedFailureCount", "ToleratedFailureCountPath", "Label")));

    private static final Pattern LAMBDA_ARN = Pattern.compile("arn:aws[a-z-]*:lambda:[^:]*:[^:]*:function:[^:]+(:[^:]+)?");
    private static final Pattern SERVICE_INTEGRATION = Pattern.compile("arn:aws[a-z-]*:states:::[A-Za-z0-9-]+(:[A-Za-z0-9-]+)?:[A-Za-z0-9]+(\\.sync(:2)?|\\.waitForTaskToken)?");
    private static final int MAX_STATE_NAME_LENGTH = 80;

    private StateMachineParser() {
    }

    /** Parses and validates a definition; throws {@link DefinitionException} on any problem. */
    public static StateMachine parse(String definition) {
        JsonNode root;
        try {
            root = Json.parse(definition);
        } catch (IllegalArgumentException e) {
            throw new DefinitionException(null, null, e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new DefinitionException(null, null, "the definition must be a JSON object");
        }
        DefinitionFields top = new DefinitionFields(null, "", root, TOP_LEVEL);
        queryLanguage(top);
        if (top.has("Version") && !"1.0".equals(top.optionalString("Version"))) {
            throw top.error("Version", "only version \"1.0\" exists");
        }
        Integer timeout = top.has("TimeoutSeconds") ? top.integer("TimeoutSeconds", 1) : null;
        StateGraph graph = graph(root, null, "");
        return new StateMachine(top.optionalString("Comment"), graph, timeout, definition);
    }

    static StateGraph graph(JsonNode node, String owner, String prefix) {
        DefinitionFields fields = new DefinitionFields(owner, prefix, node, prefix.startsWith("ItemProcessor")
                ? union(GRAPH, Set.of("ProcessorConfig")) : owner == null ? TOP_LEVEL : GRAPH);
        String startAt = fields.string("StartAt");
        JsonNode statesNode = fields.required("States");
        if (!statesNode.isObject() || statesNode.isEmpty()) {
            throw fields.error("States", "must be a non-empty object of states");
        }
        Map<String, State> states = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : statesNode.properties()) {
            String name = entry.getKey();
            if (name.isEmpty() || name.length() > MAX_STATE_NAME_LENGTH) {
                throw new DefinitionException(name, null, "state names must be 1 to " + MAX_STATE_NAME_LENGTH
                        + " characters long");
            }
            states.put(name, state(name, entry.getValue()));
        }
        if (!states.containsKey(startAt)) {
            throw new DefinitionException(owner, prefix + "StartAt", "'" + startAt + "' is not a state in "
                    + (owner == null ? "the state machine" : "this " + (prefix.isEmpty() ? "graph" : prefix.replace(".", ""))));
        }
        checkTransitions(states, owner);
        checkReachable(startAt, states);
        return new StateGraph(startAt, states);
    }

    private static State state(String name, JsonNode node) {
        if (!node.isObject()) {
            throw new DefinitionException(name, null, "a state must be a JSON object");
        }
        JsonNode typeNode = node.get("Type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw new DefinitionException(name, "Type", "is required and must be a string");
        }
        String type = typeNode.textValue();
        Set<String> allowed = STATE_FIELDS.get(type);
        if (allowed == null) {
            throw new DefinitionException(name, "Type", "'" + type + "' is not a state type (expected one of "
                    + new java.util.TreeSet<>(STATE_FIELDS.keySet()) + ")");
        }
        DefinitionFields fields = new DefinitionFields(name, "", node, allowed);
        queryLanguage(fields);
        return switch (type) {
            case "Pass" -> pass(fields);
            case "Task" -> task(fields);
            case "Choice" -> ChoiceRuleParser.choice(fields);
            case "Wait" -> waitState(fields);
            case "Succeed" -> new State.Succeed(name, dataFlow(fields));
            case "Fail" -> fail(fields);
            case "Parallel" -> parallel(fields);
            default -> MapStateParser.map(fields);
        };
    }

    private static State.Pass pass(DefinitionFields f) {
        return new State.Pass(f.state, dataFlow(f), f.has("Result") ? f.required("Result") : null, transition(f));
    }

    private static State.Task task(DefinitionFields f) {
        String resource = f.string("Resource");
        checkResource(f, resource);
        f.exclusive("TimeoutSeconds", "TimeoutSecondsPath");
        Integer timeout = f.has("TimeoutSeconds") ? f.integer("TimeoutSeconds", 1) : null;
        return new State.Task(f.state, resource, dataFlow(f), timeout, f.optionalPath("TimeoutSecondsPath"),
                RetryCatchParser.errorHandling(f), transition(f));
    }

    private static void checkResource(DefinitionFields f, String resource) {
        if (resource.endsWith(".waitForTaskToken")) {
            throw f.error("Resource", "the callback pattern (.waitForTaskToken) is not supported by this executor");
        }
        if (resource.contains(":activity:")) {
            throw f.error("Resource", "activities are not supported by this executor");
        }
        if (!LAMBDA_ARN.matcher(resource).matches() && !SERVICE_INTEGRATION.matcher(resource).matches()) {
            throw f.error("Resource", "'" + resource + "' is neither a Lambda function ARN nor a service "
                    + "integration ARN (arn:aws:states:::service:action)");
        }
    }

    private static State.Wait waitState(DefinitionFields f) {
        int given = f.count("Seconds", "SecondsPath", "Timestamp", "TimestampPath");
        if (given != 1) {
            throw f.error(null, "a Wait state needs exactly one of Seconds, SecondsPath, Timestamp, TimestampPath");
        }
        State.WaitFor waitFor;
        if (f.has("Seconds")) {
            waitFor = new State.WaitFor.Seconds(f.integer("Seconds", 0));
        } else if (f.has("SecondsPath")) {
            waitFor = new State.WaitFor.SecondsPath(f.optionalPath("SecondsPath"));
        } else if (f.has("Timestamp")) {
            String text = f.string("Timestamp");
            if (text.indexOf('T') < 0) {
                throw f.error("Timestamp", "'" + text + "' is not an RFC 3339 timestamp");
            }
            try {
                waitFor = new State.WaitFor.Timestamp(OffsetDateTime.parse(text));
            } catch (DateTimeParseException e) {
                throw f.error("Timestamp", "'" + text + "' is not an RFC 3339 timestamp");
            }
        } else {
            waitFor = new State.WaitFor.TimestampPath(f.optionalPath("TimestampPath"));
        }
        return new State.Wait(f.state, dataFlow(f), waitFor, transition(f));
    }

    private static State.Fail fail(DefinitionFields f) {
        f.exclusive("Error", "ErrorPath");
        f.exclusive("Cause", "CausePath");
        PayloadTemplate errorPath = f.has("ErrorPath")
                ? PayloadTemplate.expression("Error", f.required("ErrorPath"), f.state, "ErrorPath") : null;
        PayloadTemplate causePath = f.has("CausePath")
                ? PayloadTemplate.expression("Cause", f.required("CausePath"), f.state, "CausePath") : null;
        return new State.Fail(f.state, f.optionalString("Error"), errorPath, f.optionalString("Cause"), causePath);
    }

    private static State.Parallel parallel(DefinitionFields f) {
        JsonNode branchesNode = f.required("Branches");
        if (!branchesNode.isArray() || branchesNode.isEmpty()) {
            throw f.error("Branches", "must be a non-empty array of state graphs");
        }
        List<StateGraph> branches = new ArrayList<>();
        for (int i = 0; i < branchesNode.size(); i++) {
            branches.add(graph(branchesNode.get(i), f.state, "Branches[" + i + "]."));
        }
        return new State.Parallel(f.state, dataFlow(f), branches, RetryCatchParser.errorHandling(f),
                transition(f));
    }

    static DataFlow dataFlow(DefinitionFields f) {
        return dataFlow(f, true);
    }

    /** Map takes its per-item Parameters as ItemSelector, so they are not part of its data flow. */
    static DataFlow dataFlow(DefinitionFields f, boolean parametersApply) {
        String inputPath = f.has("InputPath") ? f.optionalPath("InputPath") : "$";
        String outputPath = f.has("OutputPath") ? f.optionalPath("OutputPath") : "$";
        PayloadTemplate parameters = parametersApply && f.has("Parameters") ? f.template("Parameters") : null;
        PayloadTemplate resultSelector = f.has("ResultSelector") ? f.template("ResultSelector") : null;
        ReferencePath resultPath = f.has("ResultPath") ? f.referencePath("ResultPath") : ReferencePath.ROOT;
        return new DataFlow(inputPath, parameters, resultSelector, resultPath, outputPath);
    }

    static String transition(DefinitionFields f) {
        boolean end = false;
        if (f.has("End")) {
            JsonNode endNode = f.required("End");
            if (!endNode.isBoolean() || !endNode.booleanValue()) {
                throw f.error("End", "must be true when present");
            }
            end = true;
        }
        String next = f.optionalString("Next");
        if (end == (next != null)) {
            throw f.error(null, "a " + f.node.get("Type").textValue() + " state needs exactly one of Next and End");
        }
        return next;
    }

    private static void checkTransitions(Map<String, State> states, String owner) {
        for (State state : states.values()) {
            for (Map.Entry<String, String> target : targets(state).entrySet()) {
                if (!states.containsKey(target.getValue())) {
                    throw new DefinitionException(state.name(), target.getKey(), "'" + target.getValue()
                            + "' is not a state in " + (owner == null ? "the state machine" : "the enclosing graph of '"
                            + owner + "'"));
                }
            }
        }
    }

    /** Field name (for messages) to target state name, for every transition out of a state. */
    private static Map<String, String> targets(State state) {
        Map<String, String> targets = new LinkedHashMap<>();
        state.accept(new State.Visitor<Void, RuntimeException>() {
            @Override
            public Void visitTask(State.Task task) {
                return withCatchers(task.next(), task.errorHandling());
            }

            @Override
            public Void visitPass(State.Pass pass) {
                return withCatchers(pass.next(), State.ErrorHandling.NONE);
            }

            @Override
            public Void visitChoice(State.Choice choice) {
                for (int i = 0; i < choice.choices().size(); i++) {
                    targets.put("Choices[" + i + "].Next", choice.choices().get(i).next());
                }
                if (choice.defaultNext() != null) {
                    targets.put("Default", choice.defaultNext());
                }
                return null;
            }

            @Override
            public Void visitWait(State.Wait wait) {
                return withCatchers(wait.next(), State.ErrorHandling.NONE);
            }

            @Override
            public Void visitSucceed(State.Succeed succeed) {
                return null;
            }

            @Override
            public Void visitFail(State.Fail fail) {
                return null;
            }

            @Override
            public Void visitParallel(State.Parallel parallel) {
                return withCatchers(parallel.next(), parallel.errorHandling());
            }

            @Override
            public Void visitMap(State.Map map) {
                return withCatchers(map.next(), map.errorHandling());
            }

            private Void withCatchers(String next, State.ErrorHandling handling) {
                if (next != null) {
                    targets.put("Next", next);
                }
                for (int i = 0; i < handling.catchers().size(); i++) {
                    targets.put("Catch[" + i + "].Next", handling.catchers().get(i).next());
                }
                return null;
            }
        });
        return targets;
    }

    private static void checkReachable(String startAt, Map<String, State> states) {
        Set<String> reached = new HashSet<>();
        Deque<String> work = new ArrayDeque<>(List.of(startAt));
        while (!work.isEmpty()) {
            String name = work.pop();
            if (reached.add(name)) {
                work.addAll(targets(states.get(name)).values());
            }
        }
        for (String name : states.keySet()) {
            if (!reached.contains(name)) {
                throw new DefinitionException(name, null, "the state is not reachable from StartAt '" + startAt + "'");
            }
        }
    }

    private static void queryLanguage(DefinitionFields f) {
        if (f.has("QueryLanguage") && !"JSONPath".equals(f.optionalString("QueryLanguage"))) {
            throw f.error("QueryLanguage", "only JSONPath is supported by this executor (JSONata is not)");
        }
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return Set.copyOf(all);
    }}
