package com.carcatalog.local.stepfunctions;

import com.carcatalog.asl.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * CreateStateMachine, DescribeStateMachine, ListStateMachines, UpdateStateMachine and
 * DeleteStateMachine over the {@link StateMachineRegistry}. Logging, tracing, tags, versions and
 * encryption are accepted and ignored; only STANDARD machines run here.
 */
final class StateMachineActions {

    private static final Set<String> TYPES = Set.of("STANDARD", "EXPRESS");

    private final StateMachineRegistry machines;

    StateMachineActions(StateMachineRegistry machines) {
        this.machines = machines;
    }

    ObjectNode createStateMachine(ApiRequest request) {
        String name = request.requiredString("name");
        String definition = request.requiredString("definition");
        String roleArn = roleArn(request.requiredString("roleArn"));
        String type = request.optionalEnum("type", TYPES).orElse(RegisteredStateMachine.TYPE);
        if (!type.equals(RegisteredStateMachine.TYPE)) {
            throw StepFunctionsException.stateMachineTypeNotSupported(
                    "The local Step Functions endpoint runs STANDARD state machines only, not " + type);
        }
        RegisteredStateMachine machine = machines.create(name, definition, roleArn);
        ObjectNode json = Json.object();
        json.put("stateMachineArn", machine.arn());
        json.put("creationDate", EpochSeconds.of(machine.creationDate()));
        return json;
    }

    ObjectNode describeStateMachine(ApiRequest request) {
        RegisteredStateMachine machine = machines.require(request.requiredString("stateMachineArn"));
        ObjectNode json = Json.object();
        json.put("stateMachineArn", machine.arn());
        json.put("name", machine.name());
        json.put("status", "ACTIVE");
        json.put("definition", machine.definition());
        json.put("roleArn", machine.roleArn());
        json.put("type", RegisteredStateMachine.TYPE);
        json.put("creationDate", EpochSeconds.of(machine.creationDate()));
        putDefaultConfigurations(json);
        return json;
    }

    /** State machines by name. */
    ObjectNode listStateMachines(ApiRequest request) {
        int pageSize = request.pageSize();
        Optional<String> token = request.nextToken();
        List<RegisteredStateMachine> all = machines.all();
        int from = 0;
        if (token.isPresent()) {
            String lastName = ListToken.decode(token.get(), "ListStateMachines");
            while (from < all.size() && all.get(from).name().compareTo(lastName) <= 0) {
                from++;
            }
        }
        List<RegisteredStateMachine> page = all.subList(from, Math.min(all.size(), from + pageSize));
        ObjectNode json = Json.object();
        ArrayNode items = json.putArray("stateMachines");
        for (RegisteredStateMachine machine : page) {
            ObjectNode item = items.addObject();
            item.put("stateMachineArn", machine.arn());
            item.put("name", machine.name());
            item.put("type", RegisteredStateMachine.TYPE);
            item.put("creationDate", EpochSeconds.of(machine.creationDate()));
        }
        if (from + page.size() < all.size()) {
            json.put("nextToken", ListToken.encode("ListStateMachines", page.get(page.size() - 1).name()));
        }
        return json;
    }

    ObjectNode updateStateMachine(ApiRequest request) {
        String arn = request.requiredString("stateMachineArn");
        Optional<String> definition = request.optionalString("definition");
        Optional<String> roleArn = request.optionalString("roleArn").map(StateMachineActions::roleArn);
        if (definition.isEmpty() && roleArn.isEmpty() && !request.has("loggingConfiguration")
                && !request.has("tracingConfiguration")) {
            throw StepFunctionsException.missingRequiredParameter(
                    "Either the definition, the roleArn, the loggingConfiguration or the tracingConfiguration must be specified");
        }
        RegisteredStateMachine machine = machines.update(arn, definition, roleArn);
        ObjectNode json = Json.object();
        json.put("updateDate", EpochSeconds.of(machine.updateDate()));
        return json;
    }

    ObjectNode deleteStateMachine(ApiRequest request) {
        machines.delete(request.requiredString("stateMachineArn"));
        return Json.object();
    }

    /** Logging off and tracing disabled: what DescribeStateMachine shows for a machine created without them. */
    static void putDefaultConfigurations(ObjectNode json) {
        ObjectNode logging = json.putObject("loggingConfiguration");
        logging.put("level", "OFF");
        logging.put("includeExecutionData", false);
        json.putObject("tracingConfiguration").put("enabled", false);
    }

    private static String roleArn(String arn) {
        if (!arn.matches("arn:aws[a-z-]*:iam::[0-9]{12}:role/.+")) {
            throw StepFunctionsException.invalidArn(arn, "not an IAM role ARN (arn:aws:iam::<account>:role/<name>)");
        }
        return arn;
    }
}
