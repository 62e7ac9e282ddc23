package com.carcatalog.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment the API stage serves: the custom resource {@code ApiDeployment}, which its
 * provider {@code ApiDeployer} re-creates whenever the CORS origin or the API's definition
 * ({@code ApiRevision}) changes. The parameter side is checked on SAM's translation
 * ({@link TemplateSamTranslationTest#theApiIsDeployedAgainWhenTheCorsOriginChanges}).
 */
class TemplateApiDeploymentTest {

    /** What a deployment snapshots: every API Gateway resource but the deployment, stage and account settings. */
    private static final Set<String> SNAPSHOT_TYPES = Set.of("AWS::ApiGateway::RestApi", "AWS::ApiGateway::Resource",
            "AWS::ApiGateway::Method", "AWS::ApiGateway::GatewayResponse", "AWS::ApiGateway::Model",
            "AWS::ApiGateway::RequestValidator", "AWS::ApiGateway::Authorizer");
    private static final ObjectMapper CANONICAL = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final Template template = Templates.application();

    @Test
    void apiRevisionIsTheDigestOfTheApisDefinition() throws Exception {
        assertThat(template.resource("ApiDeployment").string("ApiRevision"))
                .as("ApiDeployment.ApiRevision: the API changed, so set it to the new digest to deploy the change")
                .isEqualTo(apiDigest());
    }

    @Test
    void theDigestChangesWithAnyMethod() throws Exception {
        Map<String, Object> method = template.resource("CarsOptionsMethod").properties();
        String before = apiDigest();
        Object original = method.put("AuthorizationType", "AWS_IAM");
        try {
            assertThat(apiDigest()).isNotEqualTo(before);
        } finally {
            method.put("AuthorizationType", original);
        }
        assertThat(apiDigest()).isEqualTo(before);
    }

    @Test
    void theStageServesTheDeploymentMadeAfterEveryMethodAndGatewayResponse() {
        Template.Resource deployment = template.resource("ApiDeployment");
        assertThat(deployment.type()).isEqualTo("Custom::ApiDeployment");
        assertThat(template.ofType("AWS::ApiGateway::Deployment")).as("plain deployments are never re-created").isEmpty();
        Set<String> snapshotted = new TreeSet<>();
        template.ofType("AWS::ApiGateway::Method").forEach(m -> snapshotted.add(m.id()));
        template.ofType("AWS::ApiGateway::GatewayResponse").forEach(r -> snapshotted.add(r.id()));
        assertThat(deployment.dependsOn()).containsAll(snapshotted);
        assertThat(Values.refName(deployment.property("RestApiId"))).isEqualTo("CatalogApi");
        assertThat(Values.refName(deployment.property("CorsAllowOrigin"))).isEqualTo("CorsAllowOrigin");
        assertThat(deployment.property("ServiceToken")).isEqualTo(Map.of("Fn::GetAtt", List.of("ApiDeployer", "Arn")));
        assertThat(template.resource("ApiStage").property("DeploymentId"))
                .isEqualTo(Map.of("Fn::GetAtt", List.of("ApiDeployment", "DeploymentId")));
    }

    @Test
    void theDeployerCreatesADeploymentPerUpdateAndCleansUpTheOldOne(@TempDir Path work) throws Exception {
        Template.Resource deployer = template.resource("ApiDeployer");
        assertThat(deployer.string("Handler")).isEqualTo("index.handler");
        Files.writeString(work.resolve("index.py"), deployer.map("Code").get("ZipFile").toString());
        ProcessBuilder run = new ProcessBuilder("python3",
                Project.root().resolve("cloudformation/src/test/python/api_deployer_test.py").toString())
                .redirectErrorStream(true);
        run.environment().put("PYTHONPATH", work.toString());
        Process tests = run.start();
        String output = new String(tests.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tests.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(tests.exitValue()).as(output).isZero();
        assertThat(output).contains("Ran 4 tests").contains("OK");
    }

    /** SHA-256 (first 16 hex digits) of the snapshotted resources' types and properties, keys sorted. */
    private String apiDigest() throws IOException, NoSuchAlgorithmException {
        Map<String, Object> api = new TreeMap<>();
        template.resources().values().stream().filter(r -> SNAPSHOT_TYPES.contains(r.type()))
                .forEach(r -> api.put(r.id(), Map.of("Type", r.type(), "Properties", r.properties())));
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(CANONICAL.writeValueAsBytes(api));
        return HexFormat.of().formatHex(digest).substring(0, 16);
    }
}
