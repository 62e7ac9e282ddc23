package com.carcatalog.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every Ref, GetAtt, Sub variable, DependsOn and condition in both templates points at something
 * that exists: a parameter, a pseudo parameter, a resource (or one SAM generates), a condition.
 * GetAtt attributes are checked against the attributes of the common resource types.
 */
class TemplateReferencesTest {

    /** Attributes GetAtt may read, for the types these templates use (others are not checked). */
    private static final Map<String, Set<String>> ATTRIBUTES = Map.ofEntries(
            Map.entry("AWS::DynamoDB::Table", Set.of("Arn", "StreamArn")),
            Map.entry("AWS::S3::Bucket", Set.of("Arn", "DomainName", "DualStackDomainName", "RegionalDomainName", "WebsiteURL")),
            Map.entry("AWS::IAM::Role", Set.of("Arn", "RoleId")),
            Map.entry("AWS::Logs::LogGroup", Set.of("Arn")),
            Map.entry("AWS::SQS::Queue", Set.of("Arn", "QueueName", "QueueUrl")),
            Map.entry("AWS::SNS::Topic", Set.of("TopicArn", "TopicName")),
            Map.entry("AWS::ApiGateway::RestApi", Set.of("RestApiId", "RootResourceId")),
            Map.entry("AWS::CloudFront::Distribution", Set.of("DomainName", "Id")),
            Map.entry("AWS::CloudFront::OriginAccessControl", Set.of("Id")),
            Map.entry("AWS::StepFunctions::StateMachine", Set.of("Arn", "Name", "StateMachineRevisionId")),
            Map.entry("AWS::Serverless::Function", Set.of("Arn")),
            Map.entry("AWS::Lambda::Alias", Set.of("AliasArn")),
            Map.entry("AWS::SSM::Parameter", Set.of("Type", "Value")),
            Map.entry("AWS::SecretsManager::Secret", Set.of("Id")),
            Map.entry("AWS::CodeBuild::Project", Set.of("Arn")),
            Map.entry("AWS::CodeStarConnections::Connection", Set.of("ConnectionArn", "ConnectionStatus", "OwnerAccountId")));

    @ParameterizedTest
    @ValueSource(strings = {"template.yaml", "pipeline.yaml"})
    void everyReferenceResolves(String file) {
        Template template = load(file);
        Set<String> names = template.referenceableNames();
        List<String> broken = new ArrayList<>();
        visit(template, (where, value) -> {
            for (Expressions.Reference reference : Expressions.references(value)) {
                switch (reference.kind()) {
                    case REF -> {
                        if (!names.contains(reference.name())) {
                            broken.add(where + ": " + reference + " names no parameter, pseudo parameter or resource");
                        }
                    }
                    case GET_ATT -> {
                        if (!template.resources().containsKey(reference.name()) && template.typeOf(reference.name()).isEmpty()) {
                            broken.add(where + ": " + reference + " names no resource");
                        } else {
                            String type = template.typeOf(reference.name()).orElseThrow();
                            Set<String> known = ATTRIBUTES.get(type);
                            if (known != null && !known.contains(reference.attribute())) {
                                broken.add(where + ": " + reference + ": " + type + " has no attribute " + reference.attribute()
                                        + " (known: " + new TreeSet<>(known) + ")");
                            }
                        }
                    }
                    case CONDITION -> {
                        if (!template.conditions().containsKey(reference.name())) {
                            broken.add(where + ": " + reference + " is not a condition of the template");
                        }
                    }
                }
            }
        });
        for (Template.Resource resource : template.resources().values()) {
            for (String dependency : resource.dependsOn()) {
                if (!template.resources().containsKey(dependency)) {
                    broken.add(resource.id() + ".DependsOn: " + dependency + " is not a resource");
                } else if (template.resource(dependency).condition().isPresent() && resource.condition().isEmpty()) {
                    broken.add(resource.id() + ".DependsOn: " + dependency + " exists only under a condition");
                }
            }
            resource.condition().filter(c -> !template.conditions().containsKey(c))
                    .ifPresent(c -> broken.add(resource.id() + ".Condition: " + c + " is not a condition"));
        }
        assertThat(broken).as("dangling references in %s", file).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"template.yaml", "pipeline.yaml"})
    void everyParameterIsUsed(String file) {
        Template template = load(file);
        Set<String> used = new TreeSet<>();
        visit(template, (where, value) -> Expressions.references(value).forEach(reference -> used.add(reference.name())));
        Set<String> unused = new TreeSet<>(template.parameters().keySet());
        unused.removeAll(used);
        assertThat(unused).as("parameters of %s nothing refers to", file).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"template.yaml", "pipeline.yaml"})
    void resourcesNamingUnconditionalResourcesAreNotConditionalThemselves(String file) {
        Template template = load(file);
        List<String> problems = new ArrayList<>();
        for (Template.Resource resource : template.resources().values()) {
            if (resource.condition().isPresent()) {
                continue;
            }
            for (Expressions.Reference reference : Expressions.references(resource.properties())) {
                Template.Resource target = template.resources().get(reference.name());
                if (target != null && target.condition().isPresent() && !insideIf(resource.properties(), reference.name())) {
                    problems.add(resource.id() + " refers to " + reference.name() + ", which exists only if " + target.condition().get());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Whether every mention of {@code name} in {@code value} sits inside an Fn::If. */
    private static boolean insideIf(Object value, String name) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.containsKey("Fn::If")) {
                return true;
            }
            if (map.size() == 1 && (map.containsKey("Ref") || map.containsKey("Fn::GetAtt") || map.containsKey("Fn::Sub"))) {
                return Expressions.references(value).stream().noneMatch(r -> r.name().equals(name));
            }
            return map.values().stream().allMatch(v -> insideIf(v, name));
        }
        if (value instanceof List<?> list) {
            return list.stream().allMatch(v -> insideIf(v, name));
        }
        return true;
    }

    private static Template load(String file) {
        return file.equals("template.yaml") ? Templates.application() : Templates.pipeline();
    }

    private interface Visitor {
        void visit(String where, Object value);
    }

    private static void visit(Template template, Visitor visitor) {
        template.resources().values().forEach(resource -> visitor.visit(resource.id(), resource.properties()));
        template.outputs().forEach((name, output) -> visitor.visit("Outputs." + name, output));
        template.conditions().forEach((name, condition) -> visitor.visit("Conditions." + name, condition));
    }
}
