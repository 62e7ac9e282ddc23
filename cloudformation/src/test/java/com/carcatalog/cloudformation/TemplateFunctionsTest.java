package com.carcatalog.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import com.carcatalog.ingest.handler.IngestFunctions;
import com.carcatalog.query.api.CarsHandler;
import com.carcatalog.query.api.FiltersHandler;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The template's functions run the project's handlers: each Handler is a class in the jar its
 * CodeUri deploys, implementing the Lambda interface for the event that reaches it, and each
 * function is set up the way the design asks (java21, SnapStart on the alias the callers use,
 * tracing, reasoned memory and timeout).
 */
class TemplateFunctionsTest {

    private static final String API_REQUEST = "com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent";
    private static final String API_RESPONSE = "com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent";
    private static final String S3_EVENT = "com.amazonaws.services.lambda.runtime.events.S3Event";
    /** Issue 9's ceiling for a function's artifact (shade minimizeJar and ProGuard in the parent POM keep them under). */
    private static final long MAX_ARTIFACT_BYTES = 15_000_000;

    private final Template template = Templates.application();

    /** How a function is invoked, as the template wires it. */
    private enum Caller { API, S3, STATE_MACHINE }

    @AfterAll
    static void closeJars() {
        LambdaArtifacts.closeAll();
    }

    @Test
    void everyHandlerIsAClassOfTheJarItsCodeUriDeploys() {
        List<String> problems = new ArrayList<>();
        for (Template.Resource function : functions()) {
            Path jar = codeUri(function);
            String className = handlerClass(function);
            Optional<Class<?>> handler = LambdaArtifacts.load(jar, className);
            if (handler.isEmpty()) {
                problems.add(function.id() + ": Handler " + className + " is not a class of " + jar.getFileName());
                continue;
            }
            String method = handlerMethod(function);
            if (method != null && List.of(handler.get().getMethods()).stream().map(Method::getName).noneMatch(method::equals)) {
                problems.add(function.id() + ": " + className + " has no public method " + method);
            }
        }
        assertThat(problems).as("functions whose handler the deployed jar lacks").isEmpty();
    }

    @Test
    void everyJarACodeUriDeploysIsAtMost15Megabytes() throws IOException {
        Map<Path, Long> sizes = new TreeMap<>();
        for (Template.Resource function : functions()) {
            sizes.put(codeUri(function), Files.size(codeUri(function)));
        }
        assertThat(sizes).as("bytes of each deployed jar").allSatisfy((jar, bytes) -> assertThat(bytes)
                .as("%s: keep the jar lean (what does the function not use?)", jar.getFileName()).isLessThanOrEqualTo(MAX_ARTIFACT_BYTES));
    }

    @Test
    void codeUriIsTheShadedJarOfTheCurrentBuild() {
        for (Template.Resource function : functions()) {
            Path jar = codeUri(function);
            String module = jar.getFileName().toString().startsWith("query-functions") ? "query-functions" : "ingest-workflow";
            assertThat(jar).as("%s.CodeUri: the shaded jar of version %s (did the version change?)", function.id(), Project.version())
                    .isEqualTo(Project.lambdaJar(module).normalize());
        }
    }

    @Test
    void everyHandlerImplementsTheInterfaceOfTheEventItReceives() throws ClassNotFoundException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Template.Resource, Caller> entry : callers().entrySet()) {
            Template.Resource function = entry.getKey();
            Class<?> handler = LambdaArtifacts.load(codeUri(function), handlerClass(function)).orElseThrow(
                    () -> new AssertionError(function.id() + ": handler class missing from its jar"));
            Optional<List<String>> types = LambdaArtifacts.requestHandlerTypes(handler);
            switch (entry.getValue()) {
                case API -> {
                    if (!types.equals(Optional.of(List.of(API_REQUEST, API_RESPONSE)))) {
                        problems.add(function.id() + " serves an API Gateway proxy route: " + handler.getName()
                                + " must implement RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>, implements "
                                + types.map(Object::toString).orElse("no RequestHandler"));
                    }
                }
                case S3 -> {
                    if (types.isEmpty() || !types.get().get(0).equals(S3_EVENT)) {
                        problems.add(function.id() + " receives S3 notifications: " + handler.getName()
                                + " must implement RequestHandler<S3Event, ?>, implements " + types.map(Object::toString).orElse("no RequestHandler"));
                    }
                }
                case STATE_MACHINE -> {
                    if (!LambdaArtifacts.implementsStreamHandler(handler)) {
                        problems.add(function.id() + " is a state machine task: " + handler.getName() + " must implement RequestStreamHandler");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyFunctionHasACaller() {
        Map<Template.Resource, Caller> callers = callers();
        List<String> idle = functions().stream().filter(f -> !callers.containsKey(f)).map(Template.Resource::id).toList();
        assertThat(idle).as("functions nothing invokes (no API route, S3 notification or state machine task)").isEmpty();
    }

    @Test
    void everyIngestFunctionIsDeployedOnceUnderItsName() {
        for (IngestFunctions ingest : IngestFunctions.values()) {
            List<Template.Resource> deployed = functions().stream()
                    .filter(f -> handlerClass(f).equals(ingest.handler().getName())).toList();
            assertThat(deployed).as("template functions running %s (IngestFunctions.%s)", ingest.handler().getSimpleName(), ingest.name())
                    .hasSize(1);
            assertThat(deployed.get(0).id()).as("logical id of IngestFunctions.%s", ingest.name())
                    .isEqualTo(ingest.functionName() + "Function");
            assertThat(deployed.get(0).string("Handler")).as("%s.Handler", deployed.get(0).id()).isEqualTo(ingest.lambdaHandler());
        }
    }

    @Test
    void theTriggerIsTheFunctionS3Invokes() {
        Map<Template.Resource, Caller> callers = callers();
        Template.Resource trigger = template.resource(IngestFunctions.TRIGGER.functionName() + "Function");
        assertThat(callers.get(trigger)).as("how %s is invoked", trigger.id()).isEqualTo(Caller.S3);
    }

    @Test
    void queryHandlersServeTheirRoutes() {
        Map<String, String> routes = new LinkedHashMap<>();
        for (Template.Resource method : template.ofType("AWS::ApiGateway::Method")) {
            Map<String, Object> integration = method.map("Integration");
            if (!"AWS_PROXY".equals(integration.get("Type"))) {
                continue;
            }
            String path = template.resource(Values.refName(method.property("ResourceId"))).string("PathPart");
            for (Template.Resource function : template.functionsCalledBy(integration.get("Uri"))) {
                routes.put(method.string("HttpMethod") + " /" + path, handlerClass(function));
            }
        }
        assertThat(routes).containsExactlyInAnyOrderEntriesOf(Map.of(
                "GET /cars", CarsHandler.class.getName(),
                "GET /filters", FiltersHandler.class.getName()));
    }

    @Test
    void functionsRunJava21WithSnapStartOnTheirLiveAliasAndTracing() {
        for (Template.Resource function : functions()) {
            assertThat(function.string("Runtime")).as("%s.Runtime", function.id()).isEqualTo("java21");
            assertThat(Values.path(function.properties(), function.id(), "SnapStart").get("ApplyOn"))
                    .as("%s.SnapStart.ApplyOn", function.id()).isEqualTo("PublishedVersions");
            assertThat(function.property("AutoPublishAlias")).as("%s.AutoPublishAlias (callers use the alias)", function.id())
                    .isEqualTo("live");
            assertThat(function.property("AutoPublishAliasAllProperties"))
                    .as("%s.AutoPublishAliasAllProperties (a configuration change must publish a new version too)", function.id())
                    .isEqualTo(true);
            assertThat(function.property("Tracing")).as("%s.Tracing", function.id()).isEqualTo("Active");
            assertThat(function.property("MemorySize")).as("%s.MemorySize", function.id()).isInstanceOf(Integer.class);
            assertThat(function.property("Timeout")).as("%s.Timeout", function.id()).isInstanceOf(Integer.class);
        }
    }

    @Test
    void apiFunctionsAnswerWithinApiGatewaysIntegrationTimeout() {
        callers().forEach((function, caller) -> {
            if (caller == Caller.API) {
                assertThat((Integer) function.property("Timeout")).as("%s.Timeout (API Gateway gives up after 29 s)", function.id())
                        .isLessThan(29);
            }
        });
    }

    @Test
    void memoryAndTimeoutEachCarryTheirReason() throws IOException {
        List<String> lines = Files.readAllLines(Project.template());
        List<String> bare = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            boolean setting = line.startsWith("MemorySize:") || line.startsWith("Timeout:");
            if (setting && !line.matches("[A-Za-z]+: *\\d+ +# +\\S.{10,}")) {
                bare.add("template.yaml:" + (i + 1) + ": " + line);
            }
        }
        assertThat(bare).as("MemorySize/Timeout lines without a '# reason' comment").isEmpty();
    }

    @Test
    void everyFunctionLogsToItsOwnGroupWithRetention() {
        Set<String> groups = new java.util.HashSet<>();
        for (Template.Resource function : functions()) {
            String group = Values.refName(Values.path(function.properties(), function.id(), "LoggingConfig").get("LogGroup"));
            assertThat(group).as("%s.LoggingConfig.LogGroup", function.id()).isEqualTo(function.id() + "LogGroup");
            assertThat(template.resource(group).property("RetentionInDays")).as("%s.RetentionInDays", group).isNotNull();
            assertThat(groups.add(group)).as("log group %s shared", group).isTrue();
        }
    }

    private List<Template.Resource> functions() {
        List<Template.Resource> functions = template.ofType("AWS::Serverless::Function");
        Set<String> providers = new java.util.TreeSet<>();
        template.resources().values().stream().filter(r -> r.type().startsWith("Custom::"))
                .forEach(r -> providers.add(Expressions.render(r.property("ServiceToken"))));
        for (Template.Resource plain : template.ofType("AWS::Lambda::Function")) {
            assertThat("${" + plain.id() + ".Arn}").as("plain AWS::Lambda::Function %s: only custom-resource providers (use SAM "
                    + "for SnapStart versions)", plain.id()).isIn(providers);
        }
        assertThat(functions).isNotEmpty();
        return functions;
    }

    private Map<Template.Resource, Caller> callers() {
        Map<Template.Resource, Caller> callers = new LinkedHashMap<>();
        for (Template.Resource method : template.ofType("AWS::ApiGateway::Method")) {
            Object uri = Values.map(method.property("Integration"), method.id() + ".Integration").get("Uri");
            template.functionsCalledBy(uri).forEach(f -> callers.put(f, Caller.API));
        }
        for (Template.Resource bucket : template.ofType("AWS::S3::Bucket")) {
            Object notifications = bucket.property("NotificationConfiguration");
            if (notifications != null) {
                for (Object configuration : Values.list(Values.map(notifications, bucket.id()).get("LambdaConfigurations"))) {
                    template.functionsCalledBy(Values.map(configuration, bucket.id()).get("Function")).forEach(f -> callers.put(f, Caller.S3));
                }
            }
        }
        for (Template.Resource machine : template.ofType("AWS::StepFunctions::StateMachine")) {
            machine.map("DefinitionSubstitutions").values()
                    .forEach(value -> template.functionsCalledBy(value).forEach(f -> callers.put(f, Caller.STATE_MACHINE)));
        }
        return callers;
    }

    private Path codeUri(Template.Resource function) {
        Object uri = function.property("CodeUri");
        assertThat(uri).as("%s.CodeUri: a local path that `aws cloudformation package` uploads", function.id()).isInstanceOf(String.class);
        return template.directory().resolve((String) uri).normalize();
    }

    private static String handlerClass(Template.Resource function) {
        String handler = function.string("Handler");
        int separator = handler.indexOf("::");
        return separator < 0 ? handler : handler.substring(0, separator);
    }

    private static String handlerMethod(Template.Resource function) {
        String handler = function.string("Handler");
        int separator = handler.indexOf("::");
        return separator < 0 ? null : handler.substring(separator + 2);
    }
}
