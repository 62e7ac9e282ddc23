package com.carcatalog.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's deploy role grants what CloudFormation's resource handlers document for every
 * resource type the application stack uses: {@code deploy-role/handler-permissions.json} holds the
 * handlers' permissions per type, {@code deploy-role/deploy_role.py} writes the role's policies
 * from it, and these tests keep the template, that file and pipeline.yaml in step.
 */
class DeployRoleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DIRECTORY = Project.root().resolve("cloudformation/deploy-role");
    /** Every Custom::Name resource is an AWS::CloudFormation::CustomResource to CloudFormation. */
    private static final String CUSTOM_RESOURCE = "AWS::CloudFormation::CustomResource";

    private final JsonNode permissions = read("handler-permissions.json");

    @Test
    void everyResourceTypeOfTheDeployedTemplateHasItsHandlerPermissions() throws Exception {
        Set<String> used = new TreeSet<>();
        TemplateSamTranslationTest.translate(Map.of()).get("Resources")
                .forEach(resource -> used.add(asRegistered(resource.get("Type").asText())));

        assertThat(used).as("resource types of the translated template").contains("AWS::Lambda::Version", "AWS::IAM::Role");
        assertThat(fieldNames(permissions.get("types")))
                .as("every type the stack uses needs its handler permissions in deploy-role/handler-permissions.json")
                .containsAll(used);
    }

    @Test
    void theDeployRoleGrantsEveryDocumentedHandlerPermission() {
        List<Iam.Statement> statements = new Iam(Templates.pipeline()).statements("DeployRole").stream()
                .filter(Iam.Statement::allows).toList();
        List<String> missing = new ArrayList<>();
        permissions.get("types").fields().forEachRemaining(type -> type.getValue().get("permissions").forEach(permission -> {
            String action = iamAction(permission.asText());
            if (action != null && statements.stream().noneMatch(statement -> statement.grants(action))) {
                missing.add(type.getKey() + " " + action);
            }
        }));
        assertThat(missing).as("documented handler permissions the deploy role does not grant").isEmpty();
    }

    @Test
    void everyTypeNamesWhereItsPermissionsComeFrom() {
        permissions.get("types").fields().forEachRemaining(type -> {
            assertThat(type.getValue().path("source").asText()).as(type.getKey()).isNotBlank();
            assertThat(type.getValue().get("permissions")).as(type.getKey()).isNotEmpty();
        });
    }

    @Test
    void theCommittedPoliciesAreWhatTheGeneratorWrites() throws IOException, InterruptedException {
        Process check = new ProcessBuilder("python3", DIRECTORY.resolve("deploy_role.py").toString(), "--check")
                .redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(check.exitValue()).as("deploy_role.py --check: %s", output).isZero();
    }

    @Test
    void rolesArePassedOnlyToTheApplicationsServices() {
        List<Iam.Statement> passing = new Iam(Templates.pipeline()).statements("DeployRole").stream()
                .filter(statement -> statement.grants("iam:PassRole")).toList();
        assertThat(passing).isNotEmpty().allSatisfy(statement -> {
            assertThat(statement.resources()).containsExactly("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${AppStackName}-*");
            assertThat(statement.conditional()).as("iam:PassedToService").isTrue();
        });
    }

    @Test
    void theDeployRoleHasNoInlinePolicyBesideTheGeneratedOnes() {
        assertThat(Templates.pipeline().resource("DeployRole").property("Policies")).isNull();
    }

    private String iamAction(String permission) {
        for (var entry : (Iterable<Map.Entry<String, JsonNode>>) () -> permissions.path("notIamActions").fields()) {
            if (entry.getKey().equalsIgnoreCase(permission)) {
                JsonNode action = entry.getValue().get("iamAction");
                return action.isNull() ? null : action.asText();
            }
        }
        return permission;
    }

    private static String asRegistered(String type) {
        return type.startsWith("Custom::") ? CUSTOM_RESOURCE : type;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode read(String file) {
        try {
            return JSON.readTree(DIRECTORY.resolve(file).toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read deploy-role/" + file + ": " + e.getMessage(), e);
        }
    }
}
