package com.carcatalog.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Partial progress of a Parallel or Map state that did not finish, kept for redrive. */
public sealed interface StateProgress {

    /**
     * Parallel branches or inline Map iterations, by index. A redrive keeps the outputs of the
     * succeeded ones and resumes the others from their checkpoints.
     */
    record Branches(List<Branch> branches) implements StateProgress {
        public Branches {
            branches = List.copyOf(branches);
        }
    }

    /**
     * One branch or iteration: {@code succeeded} with its {@code output}, or stopped at
     * {@code checkpoint} ({@code null} when it never started).
     */
    record Branch(boolean succeeded, JsonNode output, FlowCheckpoint checkpoint) {
    }

    /** A Distributed Map's Map Run: its child executions, finished or not. */
    record MapRun(String mapRunArn, List<ChildExecution> children) implements StateProgress {
        public MapRun {
            children = List.copyOf(children);
        }
    }
}
