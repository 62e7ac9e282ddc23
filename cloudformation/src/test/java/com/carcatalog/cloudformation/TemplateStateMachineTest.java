package com.carcatalog.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import com.carcatalog.ingest.UploadKeys;
import com.carcatalog.ingest.handler.IngestFunctions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The state machine resource and {@code statemachine/ingest.asl.json} agree: every placeholder has
 * a substitution, every task invokes (through its alias) the template function that runs the
 * handler {@link IngestFunctions} names for it, and the role allows exactly what the definition does.
 */
class TemplateStateMachineTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");
    private static final String LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";

    private final Template template = Templates.application();
    private final Template.Resource machine = template.resource("IngestStateMachine");

    @Test
    void definitionIsTheAslFile() {
        Object location = machine.property("DefinitionS3Location");
        assertThat(location).as("DefinitionS3Location: a local path `aws cloudformation package` uploads").isInstanceOf(String.class);
        assertThat(template.directory().resolve((String) location).normalize()).isEqualTo(Project.stateMachine().normalize());
        assertThat(machine.property("Definition")).isNull();
        assertThat(machine.property("DefinitionString")).isNull();
    }

    @Test
    void everyPlaceholderHasASubstitutionAndEverySubstitutionAPlaceholder() throws IOException {
        Set<String> placeholders = placeholders();
        Set<String> substitutions = new TreeSet<>(machine.map("DefinitionSubstitutions").keySet());
        assertThat(substitutions).as("DefinitionSubstitutions of IngestStateMachine vs ${...} in ingest.asl.json")
                .containsExactlyInAnyOrderElementsOf(placeholders);
    }

    @Test
    void everyDollarBraceInTheAslFileIsAPlaceholder() throws IOException {
        String text = Files.readString(Project.stateMachine());
        int dollarBraces = text.split("\\$\\{", -1).length - 1;
        long placeholders = PLACEHOLDER.matcher(text).results().count();
        assertThat(dollarBraces).as("'${' in ingest.asl.json that are not ${Name} placeholders (CloudFormation substitutes text)")
                .isEqualTo((int) placeholders);
    }

    @Test
    void functionPlaceholdersAreExactlyTheIngestTaskFunctions() throws IOException {
        Set<String> expected = new TreeSet<>();
        for (IngestFunctions function : IngestFunctions.values()) {
            function.substitution().ifPresent(expected::add);
        }
        Set<String> actual = placeholders().stream().filter(p -> p.endsWith("FunctionArn")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(actual).as("*FunctionArn placeholders of ingest.asl.json vs IngestFunctions").isEqualTo(expected);
    }

    @Test
    void everyTaskInvokesTheAliasOfTheFunctionRunningItsHandler() throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, Object> substitutions = machine.map("DefinitionSubstitutions");
        for (Map.Entry<String, JsonNode> task : tasks(definition()).entrySet()) {
            String state = task.getKey();
            JsonNode node = task.getValue();
            if (!LAMBDA_INVOKE.equals(node.path("Resource").asText())) {
                problems.add(state + ": Resource " + node.path("Resource").asText() + " is not " + LAMBDA_INVOKE);
                continue;
            }
            Matcher placeholder = PLACEHOLDER.matcher(node.path("Parameters").path("FunctionName").asText());
            if (!placeholder.matches()) {
                problems.add(state + ": FunctionName must be one ${...FunctionArn} placeholder");
                continue;
            }
            Optional<IngestFunctions> function = IngestFunctions.bySubstitution(placeholder.group(1));
            if (function.isEmpty()) {
                problems.add(state + ": ${" + placeholder.group(1) + "} names no IngestFunctions entry");
                continue;
            }
            String expectedId = function.get().functionName() + "Function";
            Template.Resource deployed = template.resource(expectedId);
            String expectedAlias = "${" + template.aliasOf(deployed) + "}";
            String actual = Expressions.render(substitutions.get(placeholder.group(1)));
            if (!expectedAlias.equals(actual)) {
                problems.add(state + ": ${" + placeholder.group(1) + "} is " + actual + ", expected " + expectedAlias);
            }
            if (!function.get().lambdaHandler().equals(deployed.string("Handler"))) {
                problems.add(state + ": " + expectedId + " runs " + deployed.string("Handler") + ", expected " + function.get().lambdaHandler());
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void bucketAndConcurrencyComeFromParameters() {
        Map<String, Object> substitutions = machine.map("DefinitionSubstitutions");
        assertThat(Values.refName(substitutions.get("SourceBucket"))).isEqualTo("sourceDataS3Bucket");
        String concurrency = Values.refName(substitutions.get("WriteConcurrency"));
        assertThat(concurrency).isNotNull();
        assertThat(template.parameter(concurrency).get("Type")).as("${WriteConcurrency} stands unquoted: a number").isEqualTo("Number");
    }

    @Test
    void logsToCloudWatchAndTraces() {
        Map<String, Object> logging = machine.map("LoggingConfiguration");
        assertThat(logging.get("Level")).isIn("ALL", "ERROR", "FATAL");
        Object destination = Values.map(Values.list(logging.get("Destinations")).get(0), "Destinations[0]").get("CloudWatchLogsLogGroup");
        assertThat(Expressions.render(Values.map(destination, "CloudWatchLogsLogGroup").get("LogGroupArn")))
                .isEqualTo("${IngestStateMachineLogGroup.Arn}");
        assertThat(machine.map("TracingConfiguration").get("Enabled")).isEqualTo(true);
        assertThat(machine.property("StateMachineType")).isEqualTo("STANDARD");
    }

    @Test
    void roleAllowsExactlyWhatTheDefinitionNeeds() {
        Iam iam = new Iam(template);
        String roleId = Expressions.render(machine.property("RoleArn")).replaceAll("^\\$\\{(.+)\\.Arn}$", "$1");
        List<Iam.Statement> statements = iam.statements(roleId);
        String self = iam.canonical(Map.of("Ref", machine.id()));
        String staging = iam.canonical(Map.of("Fn::Sub", "${SourceBucket.Arn}/" + UploadKeys.STAGING + "*"));

        Set<String> aliases = new TreeSet<>();
        for (IngestFunctions function : IngestFunctions.values()) {
            if (function.substitution().isPresent()) {
                aliases.add("${" + template.aliasOf(template.resource(function.functionName() + "Function")) + "}");
            }
        }
        assertThat(resourcesFor(statements, "lambda:InvokeFunction")).as("%s may invoke", roleId).isEqualTo(aliases);
        for (String action : List.of("s3:GetObject", "s3:PutObject", "s3:ListMultipartUploadParts", "s3:AbortMultipartUpload")) {
            assertThat(resourcesFor(statements, action)).as("%s %s (ItemReader/ResultWriter)", roleId, action).containsExactly(staging);
        }
        assertThat(resourcesFor(statements, "states:StartExecution")).as("%s starts only its own children", roleId).containsExactly(self);
        for (String action : List.of("states:DescribeExecution", "states:StopExecution", "states:RedriveExecution")) {
            assertThat(resourcesFor(statements, action)).as("%s %s", roleId, action).isNotEmpty()
                    .allSatisfy(resource -> assertThat(resource).startsWith(self.replace(":stateMachine:", ":execution:")));
        }
        Set<String> allowed = Set.of("lambda:InvokeFunction", "s3:GetObject", "s3:PutObject", "s3:ListMultipartUploadParts",
                "s3:AbortMultipartUpload", "states:StartExecution", "states:DescribeExecution", "states:StopExecution",
                "states:RedriveExecution", "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery",
                "logs:DeleteLogDelivery", "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies",
                "logs:DescribeLogGroups", "xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules",
                "xray:GetSamplingTargets");
        List<String> extra = statements.stream().flatMap(s -> s.actions().stream()).filter(a -> !allowed.contains(a)).toList();
        assertThat(extra).as("%s grants actions the definition does not need", roleId).isEmpty();
    }

    private static Set<String> resourcesFor(List<Iam.Statement> statements, String action) {
        return statements.stream().filter(Iam.Statement::allows).filter(s -> s.grants(action))
                .flatMap(s -> s.resources().stream()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> placeholders() throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(Files.readString(Project.stateMachine()));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The ASL file with every placeholder replaced by a dummy, so it parses as JSON. */
    private static JsonNode definition() throws IOException {
        String text = PLACEHOLDER.matcher(Files.readString(Project.stateMachine())).replaceAll(m -> {
            String name = m.group(1);
            return name.equals("WriteConcurrency") ? "1" : "\\${" + name + "}";
        });
        return new ObjectMapper().readTree(text);
    }

    /** Every Task state, nested ones (Map, Parallel) included, by name. */
    private static Map<String, JsonNode> tasks(JsonNode definition) {
        Map<String, JsonNode> tasks = new java.util.LinkedHashMap<>();
        collectTasks(definition.path("States"), tasks);
        return tasks;
    }

    private static void collectTasks(JsonNode states, Map<String, JsonNode> tasks) {
        for (Map.Entry<String, JsonNode> state : states.properties()) {
            JsonNode node = state.getValue();
            if ("Task".equals(node.path("Type").asText())) {
                tasks.put(state.getKey(), node);
            }
            collectTasks(node.path("ItemProcessor").path("States"), tasks);
            collectTasks(node.path("Iterator").path("States"), tasks);
            for (JsonNode branch : node.path("Branches")) {
                collectTasks(branch.path("States"), tasks);
            }
        }
    }
}
