package com.carcatalog.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
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

    private static final Set<String> DISTRIBUTED_ONLY = Set.of("ItemReader", "ItemBatcher", "ResultWriter",
            "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", "ToleratedFailureCount",
            "ToleratedFailureCountPath", "Label");

    /** Fields that exist in the States Language but that this executor deliberately does not run. */
    private static final Map<String, String> UNSUPPORTED = Map.ofEntries(
            Map.entry("Arguments", "JSONata fields are not supported by this executor; use Parameters (JSONPath)"),
            Map.entry("Output", "JSONata fields are not supported by this executor; use ResultSelector/OutputPath"),
            Map.entry("Items", "JSONata fields are not supported by this executor; use ItemsPath"),
            Map.entry("Assign", "workflow variables (Assign) are not supported by this executor"),
            Map.entry("Credentials", "cross-account task Credentials are not supported by this executor"),
            Map.entry("HeartbeatSeconds", "heartbeats are not supported: tasks run synchronously in-process"),
            Map.entry("HeartbeatSecondsPath", "heartbeats are not supported: tasks run synchronously in-process"),
            Map.entry("WriterConfig", "ResultWriter WriterConfig (Transformation/OutputType) is not supported by "
                    + "this executor; results are exported untransformed as JSON"),
            Map.entry("ItemsPointer", "ReaderConfig ItemsPointer is not supported; the JSON file must be an array"),
            Map.entry("ManifestType", "S3 inventory manifests are not supported by this executor"));

    private static final String S3_GET_OBJECT = "arn:aws:states:::s3:getObject";
    private static final String S3_LIST_OBJECTS = "arn:aws:states:::s3:listObjectsV2";
    private static final String S3_PUT_OBJECT = "arn:aws:states:::s3:putObject";
    private static final Pattern LAMBDA_ARN = Pattern.compile("arn:aws[a-z-]*:lambda:[^:]*:[^:]*:function:[^:]+(:[^:]+)?");
    private static final Pattern SERVICE_INTEGRATION = Pattern.compile("arn:aws[a-z-]*:states:::[A-Za-z0-9-]+(:[A-Za-z0-9-]+)?:[A-Za-z0-9]+(\\.sync(:2)?|\\.waitForTaskToken)?");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_-]{1,40}");
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
        Fields top = new Fields(null, "", root, TOP_LEVEL);
        queryLanguage(top);
        if (top.has("Version") && !"1.0".equals(top.optionalString("Version"))) {
            throw top.error("Version", "only version \"1.0\" exists");
        }
        Integer timeout = top.has("TimeoutSeconds") ? top.integer("TimeoutSeconds", 1) : null;
        StateGraph graph = graph(root, null, "");
        return new StateMachine(top.optionalString("Comment"), graph, timeout, definition);
    }

    private static StateGraph graph(JsonNode node, String owner, String prefix) {
        Fields fields = new Fields(owner, prefix, node, prefix.startsWith("ItemProcessor")
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
        Fields fields = new Fields(name, "", node, allowed);
        queryLanguage(fields);
        return switch (type) {
            case "Pass" -> pass(fields);
            case "Task" -> task(fields);
            case "Choice" -> choice(fields);
            case "Wait" -> waitState(fields);
            case "Succeed" -> new State.Succeed(name, dataFlow(fields));
            case "Fail" -> fail(fields);
            case "Parallel" -> parallel(fields);
            default -> map(fields);
        };
    }

    private static State.Pass pass(Fields f) {
        return new State.Pass(f.state, dataFlow(f), f.has("Result") ? f.required("Result") : null, transition(f));
    }

    private static State.Task task(Fields f) {
        String resource = f.string("Resource");
        checkResource(f, resource);
        f.exclusive("TimeoutSeconds", "TimeoutSecondsPath");
        Integer timeout = f.has("TimeoutSeconds") ? f.integer("TimeoutSeconds", 1) : null;
        return new State.Task(f.state, resource, dataFlow(f), timeout, f.optionalPath("TimeoutSecondsPath"),
                errorHandling(f), transition(f));
    }

    private static void checkResource(Fields f, String resource) {
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

    private static State.Choice choice(Fields f) {
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
        return new State.Choice(f.state, dataFlow(f), branches, f.optionalString("Default"));
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
            if (UNSUPPORTED.containsKey(name) || name.equals("Condition")) {
                throw new DefinitionException(state, field + "." + name, name.equals("Condition")
                        ? "JSONata conditions are not supported by this executor; use Variable and a comparison"
                        : UNSUPPORTED.get(name));
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
        validatePath(state, field + ".Variable", variable.textValue());
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
            validatePath(state, where, operand.textValue());
            return new ChoiceRule.Comparison(variable.textValue(), operator, null, operand.textValue());
        }
        if (!operator.acceptsOperand(operand)) {
            throw new DefinitionException(state, where, "has an operand of the wrong type: " + Json.write(operand));
        }
        return new ChoiceRule.Comparison(variable.textValue(), operator, operand, null);
    }

    private static State.Wait waitState(Fields f) {
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

    private static State.Fail fail(Fields f) {
        f.exclusive("Error", "ErrorPath");
        f.exclusive("Cause", "CausePath");
        PayloadTemplate errorPath = f.has("ErrorPath")
                ? PayloadTemplate.expression("Error", f.required("ErrorPath"), f.state, "ErrorPath") : null;
        PayloadTemplate causePath = f.has("CausePath")
                ? PayloadTemplate.expression("Cause", f.required("CausePath"), f.state, "CausePath") : null;
        return new State.Fail(f.state, f.optionalString("Error"), errorPath, f.optionalString("Cause"), causePath);
    }

    private static State.Parallel parallel(Fields f) {
        JsonNode branchesNode = f.required("Branches");
        if (!branchesNode.isArray() || branchesNode.isEmpty()) {
            throw f.error("Branches", "must be a non-empty array of state graphs");
        }
        List<StateGraph> branches = new ArrayList<>();
        for (int i = 0; i < branchesNode.size(); i++) {
            branches.add(graph(branchesNode.get(i), f.state, "Branches[" + i + "]."));
        }
        return new State.Parallel(f.state, dataFlow(f), branches, errorHandling(f), transition(f));
    }

    private static State.Map map(Fields f) {
        f.exclusive("ItemProcessor", "Iterator");
        f.exclusive("ItemSelector", "Parameters");
        f.exclusive("MaxConcurrency", "MaxConcurrencyPath");
        String processorField = f.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
        JsonNode processorNode = f.required(processorField);
        boolean distributed = false;
        State.Map.ExecutionType executionType = null;
        if (processorNode.has("ProcessorConfig")) {
            if (processorField.equals("Iterator")) {
                throw f.error("Iterator.ProcessorConfig", "ProcessorConfig belongs in ItemProcessor");
            }
            Fields config = new Fields(f.state, "ItemProcessor.ProcessorConfig.",
                    processorNode.get("ProcessorConfig"), Set.of("Mode", "ExecutionType"));
            String mode = config.has("Mode") ? config.string("Mode") : "INLINE";
            if (!mode.equals("INLINE") && !mode.equals("DISTRIBUTED")) {
                throw config.error("Mode", "must be INLINE or DISTRIBUTED, got '" + mode + "'");
            }
            distributed = mode.equals("DISTRIBUTED");
            if (distributed) {
                String type = config.string("ExecutionType");
                try {
                    executionType = State.Map.ExecutionType.valueOf(type);
                } catch (IllegalArgumentException e) {
                    throw config.error("ExecutionType", "must be STANDARD or EXPRESS, got '" + type + "'");
                }
            } else if (config.has("ExecutionType")) {
                throw config.error("ExecutionType", "is only valid when Mode is DISTRIBUTED");
            }
        }
        if (!distributed) {
            for (String field : DISTRIBUTED_ONLY) {
                if (f.has(field)) {
                    throw f.error(field, "is only valid in a Distributed Map (ItemProcessor.ProcessorConfig.Mode "
                            + "DISTRIBUTED)");
                }
            }
        }
        StateGraph processor = graph(processorNode, f.state, processorField + ".");
        String selectorField = f.has("ItemSelector") ? "ItemSelector" : "Parameters";
        PayloadTemplate selector = f.has(selectorField) ? f.template(selectorField) : null;
        int maxConcurrency = f.has("MaxConcurrency") ? f.integer("MaxConcurrency", 0) : 0;
        State.Map.Distribution distribution = distributed ? distribution(f, executionType) : null;
        if (distribution != null && distribution.itemReader() != null && f.has("ItemsPath")) {
            throw f.error("ItemsPath", "cannot be combined with ItemReader");
        }
        String itemsPath = f.has("ItemsPath") ? f.optionalPath("ItemsPath") : "$";
        if (itemsPath == null) {
            throw f.error("ItemsPath", "must be a path, not null");
        }
        DataFlow io = dataFlow(f, false);
        return new State.Map(f.state, io, itemsPath, selector, processor, maxConcurrency,
                f.optionalPath("MaxConcurrencyPath"), distribution, errorHandling(f), transition(f));
    }

    private static State.Map.Distribution distribution(Fields f, State.Map.ExecutionType executionType) {
        f.exclusive("ToleratedFailurePercentage", "ToleratedFailurePercentagePath");
        f.exclusive("ToleratedFailureCount", "ToleratedFailureCountPath");
        Double percentage = null;
        if (f.has("ToleratedFailurePercentage")) {
            JsonNode value = f.required("ToleratedFailurePercentage");
            if (!value.isNumber() || value.doubleValue() < 0 || value.doubleValue() > 100) {
                throw f.error("ToleratedFailurePercentage", "must be a number from 0 to 100");
            }
            percentage = value.doubleValue();
        }
        Integer count = f.has("ToleratedFailureCount") ? f.integer("ToleratedFailureCount", 0) : null;
        String label = f.optionalString("Label");
        if (label != null && !LABEL.matcher(label).matches()) {
            throw f.error("Label", "must be 1 to 40 letters, digits, '-' or '_'");
        }
        return new State.Map.Distribution(executionType, itemReader(f), itemBatcher(f), resultWriter(f),
                percentage, f.optionalPath("ToleratedFailurePercentagePath"), count,
                f.optionalPath("ToleratedFailureCountPath"), label);
    }

    private static State.Map.ItemReader itemReader(Fields f) {
        if (!f.has("ItemReader")) {
            return null;
        }
        Fields reader = new Fields(f.state, "ItemReader.", f.required("ItemReader"),
                Set.of("Resource", "Parameters", "ReaderConfig"));
        String resource = reader.string("Resource");
        if (!resource.equals(S3_GET_OBJECT) && !resource.equals(S3_LIST_OBJECTS)) {
            throw reader.error("Resource", "must be " + S3_GET_OBJECT + " or " + S3_LIST_OBJECTS + ", got '"
                    + resource + "'");
        }
        PayloadTemplate parameters = reader.template("Parameters");
        ReaderConfig config = ReaderConfig.NONE;
        String maxItemsPath = null;
        if (reader.has("ReaderConfig")) {
            Fields rc = new Fields(f.state, "ItemReader.ReaderConfig.", reader.required("ReaderConfig"),
                    Set.of("InputType", "CSVHeaderLocation", "CSVHeaders", "CSVDelimiter", "MaxItems", "MaxItemsPath"));
            rc.exclusive("MaxItems", "MaxItemsPath");
            String inputType = rc.optionalString("InputType");
            if (resource.equals(S3_LIST_OBJECTS) && inputType != null) {
                throw rc.error("InputType", "is not used with " + S3_LIST_OBJECTS);
            }
            if (inputType != null && !Set.of("JSON", "JSONL", "CSV").contains(inputType)) {
                throw rc.error("InputType", "'" + inputType + "' is not supported by this executor (JSON, JSONL "
                        + "and CSV are)");
            }
            String headerLocation = rc.optionalString("CSVHeaderLocation");
            List<String> headers = List.of();
            String delimiter = rc.optionalString("CSVDelimiter");
            if ("CSV".equals(inputType)) {
                if (headerLocation == null) {
                    throw rc.error("CSVHeaderLocation", "is required for CSV input (FIRST_ROW or GIVEN)");
                }
                if (!headerLocation.equals("FIRST_ROW") && !headerLocation.equals("GIVEN")) {
                    throw rc.error("CSVHeaderLocation", "must be FIRST_ROW or GIVEN");
                }
                if (headerLocation.equals("GIVEN")) {
                    headers = rc.stringList("CSVHeaders");
                } else if (rc.has("CSVHeaders")) {
                    throw rc.error("CSVHeaders", "is only used when CSVHeaderLocation is GIVEN");
                }
                if (delimiter != null && !Set.of("COMMA", "PIPE", "SEMICOLON", "SPACE", "TAB").contains(delimiter)) {
                    throw rc.error("CSVDelimiter", "must be COMMA, PIPE, SEMICOLON, SPACE or TAB");
                }
            } else {
                for (String csvOnly : List.of("CSVHeaderLocation", "CSVHeaders", "CSVDelimiter")) {
                    if (rc.has(csvOnly)) {
                        throw rc.error(csvOnly, "is only used when InputType is CSV");
                    }
                }
            }
            Integer maxItems = rc.has("MaxItems") ? rc.integer("MaxItems", 0) : null;
            maxItemsPath = rc.optionalPath("MaxItemsPath");
            config = new ReaderConfig(inputType, headerLocation, headers, delimiter, maxItems);
        }
        if (resource.equals(S3_GET_OBJECT) && config.inputType() == null) {
            throw reader.error("ReaderConfig.InputType", "is required with " + S3_GET_OBJECT + " (JSON, JSONL or CSV)");
        }
        return new State.Map.ItemReader(resource, parameters, config, maxItemsPath);
    }

    private static State.Map.ItemBatcher itemBatcher(Fields f) {
        if (!f.has("ItemBatcher")) {
            return null;
        }
        Fields batcher = new Fields(f.state, "ItemBatcher.", f.required("ItemBatcher"), Set.of("MaxItemsPerBatch",
                "MaxItemsPerBatchPath", "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath", "BatchInput"));
        batcher.exclusive("MaxItemsPerBatch", "MaxItemsPerBatchPath");
        batcher.exclusive("MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath");
        if (batcher.count("MaxItemsPerBatch", "MaxItemsPerBatchPath", "MaxInputBytesPerBatch",
                "MaxInputBytesPerBatchPath") == 0) {
            throw batcher.error(null, "needs MaxItemsPerBatch or MaxInputBytesPerBatch (or their *Path form)");
        }
        return new State.Map.ItemBatcher(
                batcher.has("MaxItemsPerBatch") ? batcher.integer("MaxItemsPerBatch", 1) : null,
                batcher.optionalPath("MaxItemsPerBatchPath"),
                batcher.has("MaxInputBytesPerBatch") ? batcher.integer("MaxInputBytesPerBatch", 1) : null,
                batcher.optionalPath("MaxInputBytesPerBatchPath"),
                batcher.has("BatchInput") ? batcher.template("BatchInput") : null);
    }

    private static State.Map.ResultWriter resultWriter(Fields f) {
        if (!f.has("ResultWriter")) {
            return null;
        }
        Fields writer = new Fields(f.state, "ResultWriter.", f.required("ResultWriter"),
                Set.of("Resource", "Parameters"));
        String resource = writer.string("Resource");
        if (!resource.equals(S3_PUT_OBJECT)) {
            throw writer.error("Resource", "must be " + S3_PUT_OBJECT + ", got '" + resource + "'");
        }
        return new State.Map.ResultWriter(resource, writer.template("Parameters"));
    }

    private static DataFlow dataFlow(Fields f) {
        return dataFlow(f, true);
    }

    /** Map takes its per-item Parameters as ItemSelector, so they are not part of its data flow. */
    private static DataFlow dataFlow(Fields f, boolean parametersApply) {
        String inputPath = f.has("InputPath") ? f.optionalPath("InputPath") : "$";
        String outputPath = f.has("OutputPath") ? f.optionalPath("OutputPath") : "$";
        PayloadTemplate parameters = parametersApply && f.has("Parameters") ? f.template("Parameters") : null;
        PayloadTemplate resultSelector = f.has("ResultSelector") ? f.template("ResultSelector") : null;
        ReferencePath resultPath = f.has("ResultPath") ? f.referencePath("ResultPath") : ReferencePath.ROOT;
        return new DataFlow(inputPath, parameters, resultSelector, resultPath, outputPath);
    }

    private static State.ErrorHandling errorHandling(Fields f) {
        List<Retrier> retriers = new ArrayList<>();
        JsonNode retry = f.has("Retry") ? f.required("Retry") : null;
        if (retry != null) {
            if (!retry.isArray()) {
                throw f.error("Retry", "must be an array of retriers");
            }
            for (int i = 0; i < retry.size(); i++) {
                Fields r = new Fields(f.state, "Retry[" + i + "].", retry.get(i), Set.of("ErrorEquals",
                        "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment"));
                List<String> errors = errorEquals(r, i == retry.size() - 1);
                int interval = r.has("IntervalSeconds") ? r.integer("IntervalSeconds", 1)
                        : Retrier.DEFAULT_INTERVAL_SECONDS;
                int maxAttempts = r.has("MaxAttempts") ? r.integer("MaxAttempts", 0) : Retrier.DEFAULT_MAX_ATTEMPTS;
                double backoff = Retrier.DEFAULT_BACKOFF_RATE;
                if (r.has("BackoffRate")) {
                    JsonNode rate = r.required("BackoffRate");
                    if (!rate.isNumber() || rate.doubleValue() < 1.0) {
                        throw r.error("BackoffRate", "must be a number of at least 1.0");
                    }
                    backoff = rate.doubleValue();
                }
                Integer maxDelay = r.has("MaxDelaySeconds") ? r.integer("MaxDelaySeconds", 1) : null;
                Retrier.JitterStrategy jitter = Retrier.JitterStrategy.NONE;
                if (r.has("JitterStrategy")) {
                    String strategy = r.string("JitterStrategy");
                    if (!strategy.equals("FULL") && !strategy.equals("NONE")) {
                        throw r.error("JitterStrategy", "must be FULL or NONE, got '" + strategy + "'");
                    }
                    jitter = Retrier.JitterStrategy.valueOf(strategy);
                }
                retriers.add(new Retrier(errors, interval, maxAttempts, backoff, maxDelay, jitter));
            }
        }
        List<Catcher> catchers = new ArrayList<>();
        JsonNode catchNode = f.has("Catch") ? f.required("Catch") : null;
        if (catchNode != null) {
            if (!catchNode.isArray()) {
                throw f.error("Catch", "must be an array of catchers");
            }
            for (int i = 0; i < catchNode.size(); i++) {
                Fields c = new Fields(f.state, "Catch[" + i + "].", catchNode.get(i),
                        Set.of("ErrorEquals", "Next", "ResultPath", "Comment"));
                List<String> errors = errorEquals(c, i == catchNode.size() - 1);
                ReferencePath resultPath = c.has("ResultPath") ? c.referencePath("ResultPath") : ReferencePath.ROOT;
                catchers.add(new Catcher(errors, c.string("Next"), resultPath));
            }
        }
        return new State.ErrorHandling(retriers, catchers);
    }

    private static List<String> errorEquals(Fields f, boolean last) {
        List<String> errors = f.stringList("ErrorEquals");
        if (errors.isEmpty()) {
            throw f.error("ErrorEquals", "must name at least one error");
        }
        if (errors.contains(StatesError.ALL)) {
            if (errors.size() > 1) {
                throw f.error("ErrorEquals", "States.ALL must appear alone");
            }
            if (!last) {
                throw f.error("ErrorEquals", "a States.ALL entry must be the last one");
            }
        }
        return errors;
    }

    private static String transition(Fields f) {
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
        State.ErrorHandling handling = null;
        if (state instanceof State.Task task) {
            putNext(targets, task.next());
            handling = task.errorHandling();
        } else if (state instanceof State.Pass pass) {
            putNext(targets, pass.next());
        } else if (state instanceof State.Wait wait) {
            putNext(targets, wait.next());
        } else if (state instanceof State.Parallel parallel) {
            putNext(targets, parallel.next());
            handling = parallel.errorHandling();
        } else if (state instanceof State.Map map) {
            putNext(targets, map.next());
            handling = map.errorHandling();
        } else if (state instanceof State.Choice choice) {
            for (int i = 0; i < choice.choices().size(); i++) {
                targets.put("Choices[" + i + "].Next", choice.choices().get(i).next());
            }
            if (choice.defaultNext() != null) {
                targets.put("Default", choice.defaultNext());
            }
        }
        if (handling != null) {
            for (int i = 0; i < handling.catchers().size(); i++) {
                targets.put("Catch[" + i + "].Next", handling.catchers().get(i).next());
            }
        }
        return targets;
    }

    private static void putNext(Map<String, String> targets, String next) {
        if (next != null) {
            targets.put("Next", next);
        }
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

    private static void queryLanguage(Fields f) {
        if (f.has("QueryLanguage") && !"JSONPath".equals(f.optionalString("QueryLanguage"))) {
            throw f.error("QueryLanguage", "only JSONPath is supported by this executor (JSONata is not)");
        }
    }

    private static void validatePath(String state, String field, String path) {
        try {
            JsonPaths.validate(path);
        } catch (IllegalArgumentException e) {
            throw new DefinitionException(state, field, e.getMessage());
        }
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return Set.copyOf(all);
    }

    /** The fields of one JSON object being parsed, with typed getters whose errors name the field. */
    private static final class Fields {
        final String state;
        final String prefix;
        final JsonNode node;

        Fields(String state, String prefix, JsonNode node, Set<String> allowed) {
            this.state = state;
            this.prefix = prefix;
            this.node = node;
            if (!node.isObject()) {
                throw new DefinitionException(state, prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 1),
                        "must be a JSON object");
            }
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!allowed.contains(name)) {
                    String reason = UNSUPPORTED.getOrDefault(name, "is not a field this executor knows here "
                            + "(unknown or unsupported)");
                    throw error(name, reason);
                }
            }
        }

        boolean has(String field) {
            return node.has(field);
        }

        int count(String... fields) {
            int count = 0;
            for (String field : fields) {
                count += has(field) ? 1 : 0;
            }
            return count;
        }

        void exclusive(String a, String b) {
            if (has(a) && has(b)) {
                throw error(b, "cannot be combined with " + a);
            }
        }

        JsonNode required(String field) {
            JsonNode value = node.get(field);
            if (value == null) {
                throw error(field, "is required");
            }
            return value;
        }

        String string(String field) {
            JsonNode value = required(field);
            if (!value.isTextual()) {
                throw error(field, "must be a string");
            }
            return value.textValue();
        }

        String optionalString(String field) {
            return has(field) ? string(field) : null;
        }

        int integer(String field, int minimum) {
            JsonNode value = required(field);
            if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < minimum) {
                throw error(field, "must be an integer of at least " + minimum);
            }
            return value.intValue();
        }

        List<String> stringList(String field) {
            JsonNode value = required(field);
            if (!value.isArray()) {
                throw error(field, "must be an array of strings");
            }
            List<String> strings = new ArrayList<>();
            for (JsonNode element : value) {
                if (!element.isTextual()) {
                    throw error(field, "must be an array of strings");
                }
                strings.add(element.textValue());
            }
            return List.copyOf(strings);
        }

        /** A Path field: JSON null stays null (meaning "{}"), anything else must compile. */
        String optionalPath(String field) {
            if (!has(field) || node.get(field).isNull()) {
                return null;
            }
            String path = string(field);
            validatePath(state, prefix + field, path);
            return path;
        }

        ReferencePath referencePath(String field) {
            if (node.get(field).isNull()) {
                return null;
            }
            try {
                return ReferencePath.parse(string(field));
            } catch (IllegalArgumentException e) {
                throw error(field, e.getMessage());
            }
        }

        PayloadTemplate template(String field) {
            JsonNode value = required(field);
            if (!value.isObject()) {
                throw error(field, "must be a JSON object");
            }
            return PayloadTemplate.compile(value, state, prefix + field);
        }

        DefinitionException error(String field, String reason) {
            String name = field == null ? (prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 1))
                    : prefix + field;
            return new DefinitionException(state, name, reason);
        }
    }
}
