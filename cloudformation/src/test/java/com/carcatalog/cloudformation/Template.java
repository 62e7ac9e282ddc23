package com.carcatalog.cloudformation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A CloudFormation template as the tests read it: parameters, conditions, resources (with the
 * resources SAM will generate for {@code AutoPublishAlias}), outputs; intrinsic functions in their
 * long form (see {@link CfnYaml}).
 */
final class Template {

    /** The pseudo parameters every template may reference. */
    static final Set<String> PSEUDO_PARAMETERS = Set.of("AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue",
            "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");

    private final Path file;
    private final Map<String, Object> root;
    private final Map<String, Resource> resources = new LinkedHashMap<>();

    /** One resource: logical id, type, properties and the attributes the tests look at. */
    record Resource(String id, String type, Map<String, Object> properties, Map<String, Object> definition) {

        Object property(String name) {
            return properties.get(name);
        }

        Map<String, Object> map(String name) {
            return Values.map(properties.get(name), id + "." + name);
        }

        String string(String name) {
            Object value = properties.get(name);
            if (!(value instanceof String) && !(value instanceof Number) && !(value instanceof Boolean)) {
                throw new AssertionError(id + "." + name + " should be a plain value, is " + value);
            }
            return String.valueOf(value);
        }

        Optional<String> condition() {
            return Optional.ofNullable((String) definition.get("Condition"));
        }

        List<String> dependsOn() {
            Object value = definition.get("DependsOn");
            if (value == null) {
                return List.of();
            }
            return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(value));
        }
    }

    private Template(Path file, Map<String, Object> root) {
        this.file = file;
        this.root = root;
        Values.map(root.getOrDefault("Resources", Map.of()), "Resources").forEach((id, body) -> {
            Map<String, Object> definition = Values.map(body, id);
            Object properties = definition.getOrDefault("Properties", Map.of());
            resources.put(id, new Resource(id, (String) definition.get("Type"), Values.map(properties, id + ".Properties"), definition));
        });
    }

    static Template load(Path file) {
        return new Template(file, CfnYaml.load(file));
    }

    Path file() {
        return file;
    }

    Path directory() {
        return file.toAbsolutePath().getParent();
    }

    Map<String, Object> root() {
        return root;
    }

    Map<String, Object> parameters() {
        return Values.map(root.getOrDefault("Parameters", Map.of()), "Parameters");
    }

    Map<String, Object> parameter(String name) {
        Object parameter = parameters().get(name);
        if (parameter == null) {
            throw new AssertionError(file.getFileName() + " has no parameter " + name);
        }
        return Values.map(parameter, "Parameters." + name);
    }

    Map<String, Object> conditions() {
        return Values.map(root.getOrDefault("Conditions", Map.of()), "Conditions");
    }

    Map<String, Object> outputs() {
        return Values.map(root.getOrDefault("Outputs", Map.of()), "Outputs");
    }

    Map<String, Resource> resources() {
        return resources;
    }

    Resource resource(String id) {
        Resource resource = resources.get(id);
        if (resource == null) {
            throw new AssertionError(file.getFileName() + " has no resource " + id);
        }
        return resource;
    }

    List<Resource> ofType(String type) {
        return resources.values().stream().filter(r -> type.equals(r.type())).toList();
    }

    /** Resources SAM adds for each function with {@code AutoPublishAlias}: {@code <Function>Alias<alias>}. */
    Map<String, String> samGeneratedResources() {
        Map<String, String> generated = new LinkedHashMap<>();
        for (Resource function : ofType("AWS::Serverless::Function")) {
            Object alias = function.property("AutoPublishAlias");
            if (alias instanceof String name) {
                generated.put(function.id() + "Alias" + name, "AWS::Lambda::Alias");
            }
        }
        return generated;
    }

    /** The logical id of the alias SAM publishes for {@code function}. */
    String aliasOf(Resource function) {
        Object alias = function.property("AutoPublishAlias");
        if (!(alias instanceof String name)) {
            throw new AssertionError(function.id() + " has no AutoPublishAlias: nothing may call it through an alias");
        }
        return function.id() + "Alias" + name;
    }

    /** Every name a Ref, GetAtt or Sub may point at. */
    Set<String> referenceableNames() {
        Set<String> names = new TreeSet<>(PSEUDO_PARAMETERS);
        names.addAll(parameters().keySet());
        names.addAll(resources.keySet());
        names.addAll(samGeneratedResources().keySet());
        return names;
    }

    /** The resource type of {@code id}, SAM-generated resources included. */
    Optional<String> typeOf(String id) {
        Resource resource = resources.get(id);
        if (resource != null) {
            return Optional.of(resource.type());
        }
        return Optional.ofNullable(samGeneratedResources().get(id));
    }

    /** The Serverless functions whose alias {@code value} (a Ref or Sub of {@code <alias>}) names. */
    List<Resource> functionsCalledBy(Object value) {
        List<Resource> called = new ArrayList<>();
        String rendered = Expressions.render(value);
        for (Resource function : ofType("AWS::Serverless::Function")) {
            if (rendered.contains("${" + aliasOf(function) + "}")) {
                called.add(function);
            }
        }
        return called;
    }
}
