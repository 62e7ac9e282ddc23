package com.carcatalog.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The REST API: GET /cars and GET /filters as Lambda proxy integrations of the query functions'
 * aliases, CORS preflight answered by a mock, API Gateway allowed to invoke exactly its routes, and
 * a stage with throttling, access logs and tracing (its deployment: {@link TemplateApiDeploymentTest}).
 */
class TemplateApiTest {

    private final Template template = Templates.application();

    @Test
    void theApiIsNamedByAParameterDefaultingToAutomobileApiWithARegionalEndpoint() {
        Template.Resource api = template.resource("CatalogApi");
        assertThat(Values.refName(api.property("Name"))).isEqualTo("apiGatewayName");
        assertThat(template.parameter("apiGatewayName").get("Default")).isEqualTo("automobileAPI");
        assertThat(template.parameter("apiGatewayStageName").get("Default")).isEqualTo("prod");
        assertThat(Values.list(api.map("EndpointConfiguration").get("Types"))).containsExactly("REGIONAL");
    }

    @Test
    void routesAreExactlyGetAndOptionsOnCarsAndFilters() {
        Set<String> routes = new TreeSet<>();
        for (Template.Resource method : template.ofType("AWS::ApiGateway::Method")) {
            routes.add(method.string("HttpMethod") + " /" + pathOf(method));
        }
        assertThat(routes).containsExactly("GET /cars", "GET /filters", "OPTIONS /cars", "OPTIONS /filters");
    }

    @Test
    void getRoutesAreLambdaProxyIntegrationsOfTheQueryAliases() {
        for (Template.Resource method : methods("GET")) {
            Map<String, Object> integration = method.map("Integration");
            assertThat(integration.get("Type")).as("%s integration", method.id()).isEqualTo("AWS_PROXY");
            assertThat(integration.get("IntegrationHttpMethod")).as("%s integration method", method.id()).isEqualTo("POST");
            List<Template.Resource> functions = template.functionsCalledBy(integration.get("Uri"));
            assertThat(functions).as("%s calls one function", method.id()).hasSize(1);
            assertThat(Expressions.render(integration.get("Uri"))).as("%s.Integration.Uri", method.id())
                    .isEqualTo("arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${"
                            + template.aliasOf(functions.get(0)) + "}/invocations");
            assertThat(method.property("AuthorizationType")).isEqualTo("NONE");
        }
    }

    @Test
    void preflightIsAMockAnsweringTheCorsHeaders() {
        for (Template.Resource method : methods("OPTIONS")) {
            Map<String, Object> integration = method.map("Integration");
            assertThat(integration.get("Type")).as("%s integration", method.id()).isEqualTo("MOCK");
            Map<String, Object> response = Values.map(Values.list(integration.get("IntegrationResponses")).get(0), method.id());
            Map<String, Object> headers = Values.map(response.get("ResponseParameters"), method.id());
            assertThat(Expressions.render(headers.get("method.response.header.Access-Control-Allow-Origin")))
                    .isEqualTo("'${CorsAllowOrigin}'");
            assertThat(headers.get("method.response.header.Access-Control-Allow-Methods")).isEqualTo("'GET,OPTIONS'");
            assertThat(headers).containsKey("method.response.header.Access-Control-Allow-Headers");
            Map<String, Object> declared = Values.map(Values.map(Values.list(method.property("MethodResponses")).get(0), method.id())
                    .get("ResponseParameters"), method.id());
            assertThat(declared.keySet()).as("%s method response declares every header", method.id()).isEqualTo(headers.keySet());
        }
    }

    @Test
    void queryFunctionsSendTheSameCorsOrigin() {
        for (Template.Resource method : methods("GET")) {
            Template.Resource function = template.functionsCalledBy(method.map("Integration").get("Uri")).get(0);
            Object origin = Values.path(function.properties(), function.id(), "Environment", "Variables").get("CORS_ALLOW_ORIGIN");
            assertThat(Values.refName(origin)).as("%s CORS_ALLOW_ORIGIN", function.id()).isEqualTo("CorsAllowOrigin");
        }
        for (Template.Resource response : template.ofType("AWS::ApiGateway::GatewayResponse")) {
            assertThat(Expressions.render(response.map("ResponseParameters").get("gatewayresponse.header.Access-Control-Allow-Origin")))
                    .as("%s CORS header", response.id()).isEqualTo("'${CorsAllowOrigin}'");
        }
    }

    @Test
    void apiGatewayMayInvokeEachFunctionOnlyForItsRoute() {
        List<String> problems = new ArrayList<>();
        for (Template.Resource method : methods("GET")) {
            Template.Resource function = template.functionsCalledBy(method.map("Integration").get("Uri")).get(0);
            String alias = "${" + template.aliasOf(function) + "}";
            String expected = "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${CatalogApi}/*/GET/" + pathOf(method);
            boolean permitted = template.ofType("AWS::Lambda::Permission").stream()
                    .filter(p -> alias.equals(Expressions.render(p.property("FunctionName"))))
                    .anyMatch(p -> "apigateway.amazonaws.com".equals(p.property("Principal"))
                            && expected.equals(Expressions.render(p.property("SourceArn"))));
            if (!permitted) {
                problems.add(function.id() + " has no permission for API Gateway on " + expected);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theStageThrottlesLogsAccessAndTraces() {
        Template.Resource stage = template.resource("ApiStage");
        assertThat(Values.refName(stage.property("StageName"))).isEqualTo("apiGatewayStageName");
        assertThat(stage.property("TracingEnabled")).isEqualTo(true);
        Map<String, Object> access = stage.map("AccessLogSetting");
        assertThat(Expressions.render(access.get("DestinationArn"))).contains("${ApiAccessLogGroup}");
        assertThat(String.valueOf(access.get("Format"))).contains("$context.requestId").contains("$context.status");
        Map<String, Object> settings = Values.map(Values.list(stage.property("MethodSettings")).get(0), "MethodSettings[0]");
        assertThat(settings).containsEntry("ResourcePath", "/*").containsEntry("HttpMethod", "*");
        assertThat(Values.refName(settings.get("ThrottlingRateLimit"))).isEqualTo("ApiThrottlingRateLimit");
        assertThat(Values.refName(settings.get("ThrottlingBurstLimit"))).isEqualTo("ApiThrottlingBurstLimit");
    }

    private List<Template.Resource> methods(String httpMethod) {
        List<Template.Resource> methods = template.ofType("AWS::ApiGateway::Method").stream()
                .filter(m -> httpMethod.equals(m.property("HttpMethod"))).toList();
        assertThat(methods).as("%s methods", httpMethod).isNotEmpty();
        return methods;
    }

    private String pathOf(Template.Resource method) {
        return template.resource(Values.refName(method.property("ResourceId"))).string("PathPart");
    }
}
