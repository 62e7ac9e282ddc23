package com.carcatalog.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The template as CloudFormation's {@code AWS::Serverless} transform turns it into plain
 * CloudFormation, translated offline by SAM's own translator ({@code tools/sam_translate.py},
 * aws-sam-translator): what is really deployed. Runs wherever the translator is installed, and
 * always in CI.
 */
class TemplateSamTranslationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");

    /** A second set of parameters, each differing from its default. */
    private static final Map<String, String> CHANGED = Map.of(
            "CorsAllowOrigin", "https://shop.example",
            "dynamoDBTableName", "otherCars",
            "dynamoDBFilterTableName", "otherFilters",
            "staticDataS3Bucket", "other-images",
            "CatalogLeaseSeconds", "600",
            "ReplaceMaxRemovedPercent", "30");

    @Test
    void everyFunctionVersionIsReplacedWhenAParameterItReadsChanges() throws Exception {
        Map<String, String> defaults = defaults();
        Map<String, String> changed = new TreeMap<>(defaults);
        changed.putAll(CHANGED);
        JsonNode before = translate(defaults);
        JsonNode after = translate(changed);

        Map<String, String> identitiesBefore = versionIdentities(before, defaults);
        Map<String, String> identitiesAfter = versionIdentities(after, changed);

        assertThat(identitiesBefore).hasSize(10);
        for (String function : new String[] {"CarsFunction", "FiltersFunction", "PlanChangesFunction", "WriteChunkFunction",
                "AggregateFiltersFunction", "PublishSnapshotFunction", "FinishLoadFunction", "ParseUploadFunction"}) {
            assertThat(identitiesAfter.get(function)).as("%s: a new version for its new settings", function)
                    .isNotEqualTo(identitiesBefore.get(function));
            assertThat(functionDescription(after, function, changed)).as("%s changes, so Lambda publishes", function)
                    .isNotEqualTo(functionDescription(before, function, defaults));
        }
        for (String function : new String[] {"IngestTriggerFunction", "ValidateUploadFunction"}) {
            assertThat(identitiesAfter.get(function)).as("%s reads none of them: no new version", function)
                    .isEqualTo(identitiesBefore.get(function));
        }
    }

    @Test
    void everyApiIntegrationS3NotificationAndStateMachineTaskInvokesTheLiveAlias() throws Exception {
        JsonNode template = translate(defaults());
        JsonNode resources = template.get("Resources");
        int checked = 0;
        for (Map.Entry<String, JsonNode> resource : fields(resources).entrySet()) {
            JsonNode properties = resource.getValue().path("Properties");
            switch (resource.getValue().get("Type").asText()) {
                case "AWS::ApiGateway::Method" -> {
                    String uri = properties.path("Integration").path("Uri").toString();
                    if (uri.contains("lambda:path")) {
                        assertThat(uri).as(resource.getKey()).contains("Aliaslive");
                        checked++;
                    }
                }
                case "AWS::Lambda::Permission" -> {
                    assertThat(properties.get("FunctionName").toString()).as(resource.getKey()).contains("Aliaslive");
                    checked++;
                }
                case "AWS::StepFunctions::StateMachine" -> {
                    for (Map.Entry<String, JsonNode> substitution : fields(properties.get("DefinitionSubstitutions")).entrySet()) {
                        if (substitution.getKey().endsWith("FunctionArn")) {
                            assertThat(substitution.getValue().toString()).as(substitution.getKey()).contains("Aliaslive");
                            checked++;
                        }
                    }
                }
                case "AWS::S3::Bucket" -> {
                    for (JsonNode lambda : properties.path("NotificationConfiguration").path("LambdaConfigurations")) {
                        assertThat(lambda.get("Function").toString()).as(resource.getKey()).contains("Aliaslive");
                        checked++;
                    }
                }
                default -> {
                }
            }
        }
        assertThat(checked).as("integrations, permissions, tasks and notifications checked").isGreaterThanOrEqualTo(10);
    }

    @Test
    void theApiIsDeployedAgainWhenTheCorsOriginChanges() throws Exception {
        Map<String, String> defaults = defaults();
        Map<String, String> changed = new TreeMap<>(defaults);
        changed.put("CorsAllowOrigin", CHANGED.get("CorsAllowOrigin"));
        Map<String, String> otherName = new TreeMap<>(defaults);
        otherName.put("dynamoDBTableName", CHANGED.get("dynamoDBTableName"));

        String before = deploymentIdentity(translate(defaults), defaults);

        assertThat(deploymentIdentity(translate(changed), changed)).as("a new origin: an update, so a new deployment")
                .isNotEqualTo(before).contains(CHANGED.get("CorsAllowOrigin"));
        assertThat(deploymentIdentity(translate(otherName), otherName)).as("nothing the API serves changed: no new deployment")
                .isEqualTo(before);
    }

    /**
     * What makes CloudFormation update the API's deployment (a custom resource, see template.yaml):
     * its properties with the parameters' values in place of their Refs; the provider's ARN aside.
     */
    private static String deploymentIdentity(JsonNode template, Map<String, String> parameters) {
        JsonNode deployment = template.get("Resources").get("ApiDeployment");
        assertThat(deployment.get("Type").asText()).isEqualTo("Custom::ApiDeployment");
        Map<String, String> identity = new TreeMap<>();
        fields(deployment.get("Properties")).forEach((name, value) -> {
            if (!name.equals("ServiceToken")) {
                String parameter = value.path("Ref").asText();
                identity.put(name, parameters.containsKey(parameter) ? parameters.get(parameter) : value.toString());
            }
        });
        return identity.toString();
    }

    /** Per function, what makes CloudFormation keep or replace its published version: the version's logical id and description. */
    private static Map<String, String> versionIdentities(JsonNode template, Map<String, String> parameters) {
        Map<String, String> identities = new TreeMap<>();
        fields(template.get("Resources")).forEach((id, resource) -> {
            if (resource.get("Type").asText().equals("AWS::Lambda::Version")) {
                String function = resource.get("Properties").get("FunctionName").path("Ref").asText();
                identities.put(function, id + " " + resolved(render(resource.get("Properties").path("Description")), parameters));
            }
        });
        return identities;
    }

    private static String functionDescription(JsonNode template, String function, Map<String, String> parameters) {
        return resolved(render(template.get("Resources").get(function).get("Properties").path("Description")), parameters);
    }

    private static String render(JsonNode value) {
        if (value.has("Fn::Sub")) {
            return value.get("Fn::Sub").asText();
        }
        return value.isTextual() ? value.asText() : value.toString();
    }

    private static String resolved(String text, Map<String, String> parameters) {
        Matcher variable = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(out, Matcher.quoteReplacement(parameters.getOrDefault(variable.group(1), variable.group())));
        }
        variable.appendTail(out);
        return out.toString();
    }

    /** Every template parameter's default value. */
    static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        Templates.application().parameters().forEach((name, parameter) -> {
            Object value = Values.map(parameter, name).get("Default");
            if (value != null) {
                defaults.put(name, value.toString());
            }
        });
        return defaults;
    }

    private static Map<String, JsonNode> fields(JsonNode node) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> fields.put(field.getKey(), field.getValue()));
        return fields;
    }

    /** The translated template, through the Python translator; skipped (or, in CI, failed) without it. */
    static JsonNode translate(Map<String, String> parameters) throws IOException, InterruptedException {
        boolean installed = translatorInstalled();
        if (TemplateLintTest.mustRun()) {
            assertThat(installed).as("aws-sam-translator must be installed in CI (.ci/run and buildspec.yml install it)").isTrue();
        }
        assumeTrue(installed, "aws-sam-translator is not installed");
        Process translation = new ProcessBuilder("python3", Project.root().resolve("cloudformation/tools/sam_translate.py").toString(),
                Project.template().toString(), JSON.writeValueAsString(parameters)).start();
        byte[] out = translation.getInputStream().readAllBytes();
        String errors = new String(translation.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(translation.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(translation.exitValue()).as("SAM translation failed: %s", errors).isZero();
        return JSON.readTree(out);
    }

    private static boolean translatorInstalled() throws InterruptedException {
        try {
            Process probe = new ProcessBuilder("python3", "-c", "import samtranslator").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(1, TimeUnit.MINUTES) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
