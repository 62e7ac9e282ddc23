package com.carcatalog.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The closed set of States Language state types, as parsed (and validated) by
 * {@link StateMachineParser}. Records are immutable; {@code next} is {@code null} for a state
 * with {@code "End": true}.
 */
public sealed interface State {

    String name();

    /** The {@code Type} as spelled in the definition; also the prefix of the state's history events. */
    String type();

    /** Calls the visitor's method for this state's type. */
    <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X;

    /**
     * One method per state type, so code that handles every state (the interpreter, the
     * parser's transition check) stops compiling when a type is added, instead of failing at
     * run time. {@code X} is the checked exception the visit may throw.
     */
    interface Visitor<R, X extends Exception> {
        R visitTask(Task task) throws X;

        R visitPass(Pass pass) throws X;

        R visitChoice(Choice choice) throws X;

        R visitWait(Wait wait) throws X;

        R visitSucceed(Succeed succeed) throws X;

        R visitFail(Fail fail) throws X;

        R visitParallel(Parallel parallel) throws X;

        R visitMap(Map map) throws X;
    }

    /** Retry and Catch of a Task, Parallel or Map state, in definition order. */
    record ErrorHandling(List<Retrier> retriers, List<Catcher> catchers) {
        public static final ErrorHandling NONE = new ErrorHandling(List.of(), List.of());

        public ErrorHandling {
            retriers = List.copyOf(retriers);
            catchers = List.copyOf(catchers);
        }
    }

    /**
     * @param timeoutSeconds     {@code null} when neither TimeoutSeconds nor TimeoutSecondsPath is set
     * @param timeoutSecondsPath {@code null} unless TimeoutSecondsPath is set
     */
    record Task(String name, String resource, DataFlow dataFlow, Integer timeoutSeconds, String timeoutSecondsPath,
                ErrorHandling errorHandling, String next) implements State {
        @Override
        public String type() {
            return "Task";
        }

        @Override
        public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
            return visitor.visitTask(this);
        }
    }

    /** @param result the {@code Result} field, or {@code null} to pass the (parameterised) input on */
    record Pass(String name, DataFlow dataFlow, JsonNode result, String next) implements State {
        @Override
        public String type() {
            return "Pass";
        }

        @Override
        public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
            return visitor.visitPass(this);
        }
    }

    /** @param defaultNext the {@code Default} state, or {@code null} (no match then fails) */
    record Choice(String name, DataFlow dataFlow, List<ChoiceRule.Branch> choices, String defaultNext)
            implements State {
        public Choice {
            choices = List.copyOf(choices);
        }

        @Override
        public String type() {
            return "Choice";
        }

        @Override
        public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
            return visitor.visitChoice(this);
        }
    }

    record Wait(String name, DataFlow dataFlow, WaitFor waitFor, String next) implements State {
        @Override
        public String type() {
            return "Wait";
        }

        @Override
        public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
            return visitor.visitWait(this);
        }
    }

    /** The one way a Wait state says how long to wait. */
    sealed interface WaitFor {
        record Seconds(long seconds) implements WaitFor {
        }

        record SecondsPath(String path) implements WaitFor {
        }

        record Timestamp(OffsetDateTime timestamp) implements WaitFor {
        }

        record TimestampPath(String path) implements WaitFor {
        }
    }

    record Succeed(String name, DataFlow dataFlow) implements State {
        @Override
        public String type() {
            return "Succeed";
        }

        @Override
        public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
            return visitor.visitSucceed(this);
        }
    }

    /** Error and Cause are literal, or taken from the state input through ErrorPath / CausePath. */
    record Fail(String name, String error, PayloadTemplate errorPath, String cause, PayloadTemplate causePath)
            implements State {
        @Override
        public String type() {
            return "Fail";
        }

        @Override
        public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
            return visitor.visitFail(this);
        }
    }

    record Parallel(String name, DataFlow dataFlow, List<StateGraph> branches, ErrorHandling errorHandling,
                    String next) implements State {
        public Parallel {
            branches = List.copyOf(branches);
        }

        @Override
        public String type() {
            return "Parallel";
        }

        @Override
        public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
            return visitor.visitParallel(this);
        }
    }

    /**
     * A Map state. {@code itemSelector} is ItemSelector (or legacy Parameters), applied per item;
     * {@code distribution} is {@code null} for an inline Map.
     *
     * @param maxConcurrency 0 means no limit (the executor still caps its thread use)
     */
    record Map(String name, DataFlow dataFlow, String itemsPath, PayloadTemplate itemSelector,
               StateGraph itemProcessor, int maxConcurrency, String maxConcurrencyPath,
               Distribution distribution, ErrorHandling errorHandling, String next) implements State {
        @Override
        public String type() {
            return "Map";
        }

        @Override
        public <R, X extends Exception> R accept(Visitor<R, X> visitor) throws X {
            return visitor.visitMap(this);
        }

        public boolean isDistributed() {
            return distribution != null;
        }

        /**
         * What only a Distributed Map has: child executions, optional reader, batcher and writer,
         * and a failure tolerance ({@code null} fields are absent from the definition).
         */
        public record Distribution(ExecutionType executionType, ItemReader itemReader, ItemBatcher itemBatcher,
                                   ResultWriter resultWriter, Double toleratedFailurePercentage,
                                   String toleratedFailurePercentagePath, Integer toleratedFailureCount,
                                   String toleratedFailureCountPath, String label) {
        }

        /** The kind of child workflow executions a Distributed Map starts. */
        public enum ExecutionType { STANDARD, EXPRESS }

        /** @param maxItemsPath overrides {@code readerConfig.maxItems()} at run time when set */
        public record ItemReader(String resource, PayloadTemplate parameters, ReaderConfig readerConfig,
                                 String maxItemsPath) {
        }

        /** @param batchInput template merged into every batch as {@code BatchInput}; {@code null} when absent */
        public record ItemBatcher(Integer maxItemsPerBatch, String maxItemsPerBatchPath,
                                  Integer maxInputBytesPerBatch, String maxInputBytesPerBatchPath,
                                  PayloadTemplate batchInput) {
        }

        public record ResultWriter(String resource, PayloadTemplate parameters) {
        }
    }
}
