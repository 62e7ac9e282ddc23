package com.carcatalog.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.core.iam.AwsPermission;
import com.carcatalog.query.api.QuerySettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Least privilege, checked against the code: each function has a role of its own that grants the
 * AWS calls its handler declares ({@code PERMISSIONS}) on the resources they touch, and nothing
 * else but its own logs and traces; no role anywhere uses FullAccess policies, wildcard actions, or
 * data actions on {@code *}.
 */
class TemplateIamTest {

    /** Services whose actions read or change catalog data: never on Resource "*". */
    static final Set<String> DATA_SERVICES = Set.of("dynamodb", "s3", "ssm", "states", "lambda", "sqs", "sns", "secretsmanager", "kms");
    /** Data-service actions that read no data: a fresh random string, a code signing configuration. */
    private static final Set<String> NO_DATA = Set.of("secretsmanager:GetRandomPassword", "lambda:GetCodeSigningConfig");

    /** Catalog resource names of AwsPermission → the template resource they mean. */
    private static final Map<String, String> CATALOG_RESOURCES = Map.of(
            AwsPermission.CARS_TABLE, "CarsTable",
            AwsPermission.FILTER_TABLE, "FilterTable",
            AwsPermission.SOURCE_BUCKET, "SourceBucket",
            AwsPermission.STATIC_BUCKET, "StaticBucket",
            AwsPermission.STATE_MACHINE, "IngestStateMachine",
            AwsPermission.PAGE_TOKEN_SECRET, "PageTokenKey");

    /** The variable that tells a function the name (or ARN) of a catalog resource its code touches. */
    private static final Map<String, String> NAME_VARIABLES = Map.of(
            AwsPermission.CARS_TABLE, CatalogConfig.CARS_TABLE_VARIABLE,
            AwsPermission.FILTER_TABLE, CatalogConfig.FILTER_TABLE_VARIABLE,
            AwsPermission.STATIC_BUCKET, CatalogConfig.STATIC_BUCKET_VARIABLE,
            AwsPermission.PAGE_TOKEN_SECRET, QuerySettings.PAGE_TOKEN_SECRET_VARIABLE);

    private final Template template = Templates.application();
    private final Iam iam = new Iam(template);

    @Test
    void eachFunctionHasARoleOfItsOwnThatOnlyLambdaAssumes() {
        Set<String> roles = new HashSet<>();
        for (Template.Resource function : template.ofType("AWS::Serverless::Function")) {
            String role = roleOf(function);
            assertThat(role).as("%s.Role: !GetAtt <its role>.Arn", function.id()).isEqualTo(function.id() + "Role");
            assertThat(roles.add(role)).as("role %s shared by two functions", role).isTrue();
            assertThat(Expressions.render(template.resource(role).property("AssumeRolePolicyDocument")))
                    .as("%s trust policy", role).contains("Service=lambda.amazonaws.com").doesNotContain("AWS=");
        }
    }

    @Test
    void eachFunctionsRoleGrantsEveryCallItsCodeMakes() {
        List<String> missing = new ArrayList<>();
        Map<String, List<AwsPermission>> declared = DeclaredPermissions.byHandler();
        for (Template.Resource function : template.ofType("AWS::Serverless::Function")) {
            List<AwsPermission> calls = declared.get(handlerClass(function));
            if (calls == null) {
                missing.add(function.id() + " runs " + handlerClass(function) + ", which is no handler of the project (no PERMISSIONS)");
                continue;
            }
            List<Iam.Statement> statements = iam.statements(roleOf(function));
            for (AwsPermission call : calls) {
                String resource = arnOf(function, call.resource());
                boolean granted = statements.stream().filter(Iam.Statement::allows).filter(s -> !s.conditional())
                        .filter(s -> s.grants(call.action()))
                        .anyMatch(s -> s.resources().stream().anyMatch(pattern -> Expressions.covers(pattern, resource)));
                if (!granted) {
                    missing.add(function.id() + " calls " + call + " (" + resource + ") but " + roleOf(function) + " does not allow it");
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void eachFunctionsRoleGrantsNothingItsCodeDoesNotCall() {
        List<String> extra = new ArrayList<>();
        Map<String, List<AwsPermission>> declared = DeclaredPermissions.byHandler();
        for (Template.Resource function : template.ofType("AWS::Serverless::Function")) {
            List<AwsPermission> calls = declared.getOrDefault(handlerClass(function), List.of());
            for (Iam.Statement statement : iam.statements(roleOf(function))) {
                if (!statement.allows()) {
                    continue;
                }
                for (String action : statement.actions()) {
                    for (String resource : statement.resources()) {
                        if (infrastructure(function, action, resource)) {
                            continue;
                        }
                        boolean needed = calls.stream().filter(c -> c.action().equalsIgnoreCase(action))
                                .anyMatch(c -> Expressions.covers(arnOf(function, c.resource()), resource));
                        if (!needed) {
                            extra.add(statement.role() + "/" + statement.sid() + " allows " + action + " on " + resource
                                    + ", which " + handlerClass(function) + " does not declare");
                        }
                    }
                }
            }
        }
        assertThat(extra).isEmpty();
    }

    /**
     * A function that touches a table, the static bucket or the secret is told its name by
     * CloudFormation (a variable that is {@code !Ref} of that resource); without it the code would
     * fall back to a default name, which is another stack's table or none. A function that touches
     * none of them is told nothing.
     */
    @Test
    void functionsAreToldTheNameOfEveryResourceTheirCodeTouches() {
        Map<String, List<AwsPermission>> declared = DeclaredPermissions.byHandler();
        for (Template.Resource function : template.ofType("AWS::Serverless::Function")) {
            Map<String, String> expected = new java.util.TreeMap<>();
            for (AwsPermission call : declared.getOrDefault(handlerClass(function), List.of())) {
                String base = call.baseResource();
                if (NAME_VARIABLES.containsKey(base)) {
                    expected.put(NAME_VARIABLES.get(base), CATALOG_RESOURCES.get(base));
                }
            }
            Map<String, String> told = new java.util.TreeMap<>();
            variables(function).forEach((variable, value) -> {
                if (NAME_VARIABLES.containsValue(variable)) {
                    told.put(variable, Values.refName(value));
                }
            });
            assertThat(told).as("%s: name variables (-> !Ref of) vs the resources its handler declares it touches", function.id())
                    .isEqualTo(expected);
        }
    }

    @Test
    void noRoleUsesManagedFullAccessPoliciesOrWildcardActions() {
        for (Template source : List.of(template, Templates.pipeline())) {
            for (Template.Resource role : source.ofType("AWS::IAM::Role")) {
                List<Object> managed = Values.list(role.property("ManagedPolicyArns"));
                assertThat(managed).as("%s managed policies (write the policy inline)", role.id())
                        .noneMatch(arn -> Expressions.render(arn).contains("FullAccess"));
                for (Iam.Statement statement : new Iam(source).statements(role.id())) {
                    assertThat(statement.actions()).as("%s actions", statement)
                            .noneMatch(action -> action.equals("*") || action.endsWith(":*"));
                }
            }
        }
    }

    @Test
    void noDataActionIsAllowedOnEveryResource() {
        List<String> wide = new ArrayList<>();
        for (Template source : List.of(template, Templates.pipeline())) {
            for (Template.Resource role : source.ofType("AWS::IAM::Role")) {
                for (Iam.Statement statement : new Iam(source).statements(role.id())) {
                    if (!statement.allows()) {
                        continue;
                    }
                    for (String action : statement.actions()) {
                        String service = action.substring(0, action.indexOf(':'));
                        if (!DATA_SERVICES.contains(service) || NO_DATA.contains(action) || listsNames(action)
                                || service.equals("kms") && statement.conditional()) {
                            continue;
                        }
                        for (String resource : statement.resources()) {
                            if (!namesSomethingOfTheStack(source, resource)) {
                                wide.add(statement + ": " + action + " on " + resource);
                            }
                        }
                    }
                }
            }
        }
        assertThat(wide).as("data actions not scoped to a resource this stack names").isEmpty();
    }

    /** Logs to its own group, traces, and (for the trigger) its dead-letter queue: what every function needs. */
    private boolean infrastructure(Template.Resource function, String action, String resource) {
        String ownLogs = iam.canonical(Map.of("Fn::GetAtt", List.of(function.id() + "LogGroup", "Arn")));
        if (List.of("logs:CreateLogStream", "logs:PutLogEvents").contains(action)) {
            return resource.equals(ownLogs);
        }
        if (List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords").contains(action)) {
            return true;
        }
        if (action.equals("sqs:SendMessage") && function.property("DeadLetterQueue") != null) {
            Object target = Values.map(function.property("DeadLetterQueue"), function.id() + ".DeadLetterQueue").get("TargetArn");
            return resource.equals(iam.canonical(target));
        }
        return false;
    }

    /** The ARN (canonical, possibly with a wildcard) that an AwsPermission resource name stands for. */
    private String arnOf(Template.Resource function, String catalogResource) {
        int slash = catalogResource.indexOf('/');
        String base = slash < 0 ? catalogResource : catalogResource.substring(0, slash);
        String rest = slash < 0 ? "" : catalogResource.substring(slash);
        String id = CATALOG_RESOURCES.get(base);
        assertThat(id).as("%s: unknown catalog resource '%s' in a handler's PERMISSIONS", function.id(), catalogResource).isNotNull();
        Template.Resource resource = template.resource(id);
        // Ref of a state machine or a secret is its ARN.
        String arn = Set.of("AWS::StepFunctions::StateMachine", "AWS::SecretsManager::Secret").contains(resource.type())
                ? iam.canonical(Map.of("Ref", id))
                : iam.canonical(Map.of("Fn::GetAtt", List.of(id, "Arn")));
        return arn + rest;
    }

    /**
     * Account-wide listings (List*, Describe* of a service's resources) return names and settings, not
     * data, and IAM cannot scope them to a resource. A key used through a service is checked by its
     * statement's condition ({@code kms:ViaService}), which is why conditional kms grants pass.
     */
    private static boolean listsNames(String action) {
        String operation = action.substring(action.indexOf(':') + 1);
        return operation.startsWith("List") || operation.startsWith("Describe");
    }

    private static boolean namesSomethingOfTheStack(Template source, String resource) {
        if (resource.equals("*")) {
            return false;
        }
        Set<String> own = new HashSet<>(source.parameters().keySet());
        own.addAll(source.resources().keySet());
        own.addAll(source.samGeneratedResources().keySet());
        own.add("AWS::StackName");
        return Expressions.references(Map.of("Fn::Sub", resource)).stream().anyMatch(reference -> own.contains(reference.name()));
    }

    private static Map<String, Object> variables(Template.Resource function) {
        Object environment = function.property("Environment");
        if (environment == null) {
            return Map.of();
        }
        return Values.path(environment, function.id() + ".Environment", "Variables");
    }

    private static String roleOf(Template.Resource function) {
        return Expressions.render(function.property("Role")).replaceAll("^\\$\\{(.+)\\.Arn}$", "$1");
    }

    private static String handlerClass(Template.Resource function) {
        String handler = function.string("Handler");
        int separator = handler.indexOf("::");
        return separator < 0 ? handler : handler.substring(0, separator);
    }
}
