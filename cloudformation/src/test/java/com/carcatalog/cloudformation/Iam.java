package com.carcatalog.cloudformation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The IAM statements of a template's roles, with every Resource in one canonical text form, so a
 * grant written as {@code !GetAtt CarsTable.Arn} and one written as
 * {@code !Sub arn:${AWS::Partition}:dynamodb:...:table/${dynamoDBTableName}} compare equal.
 */
final class Iam {

    /** One statement of one role's inline policy. */
    record Statement(String role, String policy, String sid, String effect, List<String> actions, List<String> resources,
                     boolean conditional) {

        boolean allows() {
            return "Allow".equals(effect);
        }

        boolean grants(String action) {
            return actions.stream().anyMatch(pattern -> Expressions.covers(pattern.toLowerCase(), action.toLowerCase()));
        }

        @Override
        public String toString() {
            return role + "/" + policy + "/" + (sid == null ? "?" : sid) + " " + effect + " " + actions + " on " + resources;
        }
    }

    private final Template template;

    Iam(Template template) {
        this.template = template;
    }

    /** Every statement of the role's inline policies and of AWS::IAM::Policy and ManagedPolicy resources attached to it. */
    List<Statement> statements(String roleId) {
        List<Statement> statements = new ArrayList<>();
        Template.Resource role = template.resource(roleId);
        for (Object policy : Values.list(role.property("Policies"))) {
            Map<String, Object> body = Values.map(policy, roleId + ".Policies[]");
            add(statements, roleId, String.valueOf(body.get("PolicyName")), body.get("PolicyDocument"));
        }
        for (String type : List.of("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy")) {
            for (Template.Resource policy : template.ofType(type)) {
                boolean attached = Values.list(policy.property("Roles")).stream().anyMatch(r -> roleId.equals(Values.refName(r)));
                if (attached) {
                    add(statements, roleId, policy.id(), policy.property("PolicyDocument"));
                }
            }
        }
        return statements;
    }

    private void add(List<Statement> statements, String role, String policy, Object document) {
        for (Object item : Values.list(Values.map(document, role + "." + policy + ".PolicyDocument").get("Statement"))) {
            Map<String, Object> statement = Values.map(item, role + "." + policy + ".Statement[]");
            List<String> actions = Values.list(statement.get("Action")).stream().map(String::valueOf).toList();
            List<String> resources = Values.list(statement.get("Resource")).stream().map(this::canonical).toList();
            statements.add(new Statement(role, policy, (String) statement.get("Sid"), String.valueOf(statement.get("Effect")),
                    actions, resources, statement.containsKey("Condition")));
        }
    }

    /** The ARN an expression stands for, with this template's tables, buckets and so on spelled out. */
    String canonical(Object expression) {
        String text = Expressions.render(expression);
        String before;
        do {
            before = text;
            for (Template.Resource resource : template.resources().values()) {
                text = spellOut(resource, text);
            }
        } while (!text.equals(before));
        return text;
    }

    private static String spellOut(Template.Resource resource, String text) {
        String ref = "${" + resource.id() + "}";
        String arn = "${" + resource.id() + ".Arn}";
        if (!text.contains(ref) && !text.contains(arn)) {
            return text;
        }
        switch (resource.type()) {
            case "AWS::DynamoDB::Table" -> {
                String name = Expressions.render(resource.property("TableName"));
                return text.replace(arn, "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/" + name)
                        .replace(ref, name);
            }
            case "AWS::S3::Bucket" -> {
                String name = Expressions.render(resource.property("BucketName"));
                return name.isEmpty() ? text : text.replace(arn, "arn:${AWS::Partition}:s3:::" + name).replace(ref, name);
            }
            case "AWS::StepFunctions::StateMachine" -> {
                String full = "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:"
                        + Expressions.render(resource.property("StateMachineName"));
                return text.replace(arn, full).replace(ref, full);
            }
            case "AWS::Logs::LogGroup" -> {
                String name = Expressions.render(resource.property("LogGroupName"));
                return text.replace(arn, "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:" + name + ":*")
                        .replace(ref, name);
            }
            default -> {
                return text;
            }
        }
    }
}
