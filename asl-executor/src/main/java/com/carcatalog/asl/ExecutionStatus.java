package com.carcatalog.asl;

/** The status of an execution, with the names Step Functions uses in DescribeExecution. */
public enum ExecutionStatus {
    RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED;

    public boolean isTerminal() {
        return this != RUNNING;
    }

    /** FAILED, ABORTED and TIMED_OUT executions can be redriven. */
    public boolean isRedrivable() {
        return this == FAILED || this == ABORTED || this == TIMED_OUT;
    }
}
