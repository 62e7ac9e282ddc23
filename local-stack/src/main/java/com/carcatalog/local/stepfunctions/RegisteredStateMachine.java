package com.carcatalog.local.stepfunctions;

import com.carcatalog.asl.Json;
import com.carcatalog.asl.StateMachine;
import com.carcatalog.asl.StateMachineParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * A state machine as DescribeStateMachine reports it, with its parsed definition ready to run.
 * The local endpoint runs STANDARD state machines only.
 *
 * @param updateDate the last UpdateStateMachine or re-registration, or the creation date
 */
record RegisteredStateMachine(String arn, String name, String definition, StateMachine machine, String roleArn,
                              Instant creationDate, Instant updateDate) {

    static final String TYPE = "STANDARD";

    RegisteredStateMachine updated(String newDefinition, StateMachine newMachine, String newRoleArn, Instant at) {
        return new RegisteredStateMachine(arn, name, newDefinition, newMachine, newRoleArn, creationDate, at);
    }

    ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("arn", arn);
        json.put("name", name);
        json.put("definition", definition);
        json.put("roleArn", roleArn);
        json.put("creationDate", creationDate.toString());
        json.put("updateDate", updateDate.toString());
        return json;
    }

    static RegisteredStateMachine fromJson(JsonNode json) {
        String definition = json.get("definition").textValue();
        return new RegisteredStateMachine(json.get("arn").textValue(), json.get("name").textValue(), definition,
                StateMachineParser.parse(definition), json.get("roleArn").textValue(),
                Instant.parse(json.get("creationDate").textValue()), Instant.parse(json.get("updateDate").textValue()));
    }
}
