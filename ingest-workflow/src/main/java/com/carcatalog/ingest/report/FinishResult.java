package com.carcatalog.ingest.report;

import com.carcatalog.ingest.S3Location;

/**
 * The FinishLoad task's output, and so the execution's: the status and totals of the report. For
 * a rejected or refused upload {@code error} and {@code cause} become the execution's error through
 * the workflow's {@code Fail} state.
 */
public record FinishResult(String status, String error, String cause, S3Location report, String movedTo, String moveOutcome,
                           IngestReport.Totals totals) {
}
