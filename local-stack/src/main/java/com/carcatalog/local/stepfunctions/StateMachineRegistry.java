package com.carcatalog.local.stepfunctions;

import com.carcatalog.asl.DefinitionException;
import com.carcatalog.asl.StateMachine;
import com.carcatalog.asl.StateMachineParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The state machines of the local endpoint, by name: created through the API
 * (CreateStateMachine's rules) or registered by the local stack at start (create or replace, as a
 * CloudFormation deployment does). With a data directory each is also kept as a JSON file, so
 * machines created through the API are still there after a restart.
 */
final class StateMachineRegistry {

    private final String region;
    private final String account;
    private final Clock clock;
    private final JsonDirectory directory;
    private final Map<String, RegisteredStateMachine> machines = new TreeMap<>();

    private StateMachineRegistry(String region, String account, Clock clock, JsonDirectory directory) {
        this.region = region;
        this.account = account;
        this.clock = clock;
        this.directory = directory;
    }

    static StateMachineRegistry inMemory(String region, String account, Clock clock) {
        return new StateMachineRegistry(region, account, clock, null);
    }

    static StateMachineRegistry open(Path directory, String region, String account, Clock clock) {
        StateMachineRegistry registry = new StateMachineRegistry(region, account, clock, JsonDirectory.open(directory));
        for (JsonNode json : registry.directory.readAll()) {
            try {
                RegisteredStateMachine machine = RegisteredStateMachine.fromJson(json);
                registry.machines.put(machine.name(), machine);
            } catch (RuntimeException e) {
                System.err.println("local Step Functions: skipping a state machine in " + directory + ": " + e);
            }
        }
        return registry;
    }

    String arn(String name) {
        return "arn:aws:states:" + region + ":" + account + ":" + StatesArn.STATE_MACHINE + ":" + name;
    }

    /**
     * CreateStateMachine: a new machine; the same name with the same definition and role returns
     * the existing machine, with anything else it is StateMachineAlreadyExists.
     */
    synchronized RegisteredStateMachine create(String name, String definition, String roleArn) {
        ResourceName.require("name", name);
        StateMachine machine = parse(definition);
        RegisteredStateMachine existing = machines.get(name);
        if (existing != null) {
            if (existing.definition().equals(definition) && existing.roleArn().equals(roleArn)) {
                return existing;
            }
            throw StepFunctionsException.stateMachineAlreadyExists(existing.arn());
        }
        Instant now = clock.instant();
        return keep(new RegisteredStateMachine(arn(name), name, definition, machine, roleArn, now, now));
    }

    /**
     * Creates the machine or replaces its definition and role (a deployment). Executions already
     * started keep the definition they started with.
     *
     * @throws DefinitionException if the definition is not valid States Language
     */
    synchronized RegisteredStateMachine register(String name, String definition, String roleArn) {
        ResourceName.require("name", name);
        StateMachine machine = StateMachineParser.parse(definition);
        RegisteredStateMachine existing = machines.get(name);
        Instant now = clock.instant();
        if (existing == null) {
            return keep(new RegisteredStateMachine(arn(name), name, definition, machine, roleArn, now, now));
        }
        if (existing.definition().equals(definition) && existing.roleArn().equals(roleArn)) {
            return existing;
        }
        return keep(existing.updated(definition, machine, roleArn, now));
    }

    /** UpdateStateMachine: a new definition and/or role for an existing machine. */
    synchronized RegisteredStateMachine update(String arn, Optional<String> definition, Optional<String> roleArn) {
        RegisteredStateMachine existing = require(arn);
        String newDefinition = definition.orElse(existing.definition());
        StateMachine machine = definition.isPresent() ? parse(newDefinition) : existing.machine();
        return keep(existing.updated(newDefinition, machine, roleArn.orElse(existing.roleArn()), clock.instant()));
    }

    /** DeleteStateMachine: removing a machine that does not exist succeeds, as in the service. */
    synchronized void delete(String arn) {
        Optional<RegisteredStateMachine> existing = find(arn);
        existing.ifPresent(machine -> {
            machines.remove(machine.name());
            if (directory != null) {
                directory.delete(machine.name());
            }
        });
    }

    synchronized Optional<RegisteredStateMachine> find(String arn) {
        StatesArn parsed = StatesArn.parse(arn, StatesArn.STATE_MACHINE);
        RegisteredStateMachine machine = machines.get(parsed.resource());
        return machine != null && machine.arn().equals(arn) ? Optional.of(machine) : Optional.empty();
    }

    /** The machine, or StateMachineDoesNotExist. */
    synchronized RegisteredStateMachine require(String arn) {
        return find(arn).orElseThrow(() -> StepFunctionsException.stateMachineDoesNotExist(arn));
    }

    /** Every machine, by name. */
    synchronized List<RegisteredStateMachine> all() {
        return new ArrayList<>(machines.values());
    }

    private RegisteredStateMachine keep(RegisteredStateMachine machine) {
        machines.put(machine.name(), machine);
        if (directory != null) {
            directory.write(machine.name(), machine.toJson());
        }
        return machine;
    }

    private static StateMachine parse(String definition) {
        try {
            return StateMachineParser.parse(definition);
        } catch (DefinitionException e) {
            throw StepFunctionsException.invalidDefinition(e.getMessage().replaceFirst("^Invalid state machine definition: ", ""));
        }
    }
}
