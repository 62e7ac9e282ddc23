package com.carcatalog.local.ingest;

import com.carcatalog.core.config.AwsClients;
import com.carcatalog.core.config.AwsEndpoints;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.core.config.LocalAccount;
import com.carcatalog.ingest.UploadKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.MapRunListItem;

/**
 * What {@code bin/catalog ingest|remove|replace FILE} and {@code bin/catalog executions} do: the catalog
 * team's view of a running local stack, through the same S3 and Step Functions APIs the AWS CLI uses.
 */
public final class IngestCommands implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final int BAR_WIDTH = 30;
    private static final Duration WAIT_LIMIT = Duration.ofHours(2);
    private static final Duration START_LIMIT = Duration.ofMinutes(1);

    private final S3Client s3;
    private final SfnClient sfn;
    private final String sourceBucket;
    private final UploadExecutions executions;
    private final PrintStream out;

    private IngestCommands(S3Client s3, SfnClient sfn, String sourceBucket, String stateMachineArn, PrintStream out) {
        this.s3 = s3;
        this.sfn = sfn;
        this.sourceBucket = sourceBucket;
        this.executions = new UploadExecutions(sfn, stateMachineArn);
        this.out = out;
    }

    /** Connects to the running local stack's S3 and Step Functions endpoints. */
    public static IngestCommands connect(int s3Port, int stepFunctionsPort, PrintStream out) {
        AwsEndpoints endpoints = AwsEndpoints.local(null, URI.create("http://localhost:" + s3Port),
                URI.create("http://localhost:" + stepFunctionsPort));
        S3Client s3 = AwsClients.s3(endpoints);
        SfnClient sfn = AwsClients.configure(SfnClient.builder(), endpoints.region(), endpoints.stepFunctionsEndpoint()).build();
        String machine = LocalAccount.stateMachineArn(endpoints.region(), LocalIngestion.STATE_MACHINE);
        return new IngestCommands(s3, sfn, CatalogConfig.DEFAULT_SOURCE_BUCKET, machine, out);
    }

    /**
     * Uploads the file under {@code key} (below {@code incoming/}: {@code incoming/remove/} removes the
     * file's cars, {@code incoming/replace/} makes the catalog exactly them), shows the workflow's
     * progress, then its report.
     */
    public void upload(Path file, String key) throws IOException, InterruptedException {
        Instant started = Instant.now();
        s3.putObject(b -> b.bucket(sourceBucket).key(key), RequestBody.fromFile(file));
        out.printf(Locale.ROOT, "Uploaded %s to s3://%s/%s (%,d bytes); waiting for the workflow...%n",
                file, sourceBucket, key, Files.size(file));
        ExecutionListItem execution = executions.awaitStarted(key, started, START_LIMIT)
                .orElseThrow(() -> new IllegalStateException("no execution started for " + key + " within " + START_LIMIT
                        + ": is the upload under " + UploadKeys.INCOMING + " and the local stack running?"));
        out.println("Execution " + execution.name());
        DescribeExecutionResponse finished = watch(execution.executionArn());
        out.println();
        out.println("Status: " + finished.statusAsString()
                + Optional.ofNullable(finished.error()).map(error -> " (" + error + ": " + finished.cause() + ")").orElse(""));
        report(key).ifPresentOrElse(this::printReport, () -> out.println("No report at " + UploadKeys.report(key)));
    }


    /** Draws the progress bar (chunks written of all chunks) until the execution ends. */
    private DescribeExecutionResponse watch(String executionArn) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            DescribeExecutionResponse execution = sfn.describeExecution(b -> b.executionArn(executionArn));
            List<MapRunListItem> mapRuns = sfn.listMapRuns(b -> b.executionArn(executionArn)).mapRuns();
            if (!mapRuns.isEmpty()) {
                var counts = sfn.describeMapRun(b -> b.mapRunArn(mapRuns.get(0).mapRunArn())).itemCounts();
                out.print("\r" + bar(counts.succeeded(), counts.total()) + " chunks written");
            } else {
                out.print("\r" + execution.statusAsString() + currentState(executionArn).map(state -> ": " + state).orElse("") + "...");
            }
            out.flush();
            if (execution.status() != ExecutionStatus.RUNNING) {
                return execution;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the execution did not finish within " + WAIT_LIMIT);
    }

    /** The state the execution entered last, told as the uploader cares about it. */
    private Optional<String> currentState(String executionArn) {
        return sfn.getExecutionHistory(b -> b.executionArn(executionArn).reverseOrder(true).maxResults(10)).events().stream()
                .filter(event -> event.stateEnteredEventDetails() != null)
                .map(event -> event.stateEnteredEventDetails().name())
                .findFirst()
                .map(state -> state.equals("WaitForCatalog") ? "waiting for another change of the catalog to finish" : state);
    }

    static String bar(long done, long total) {
        int filled = total == 0 ? 0 : (int) (BAR_WIDTH * Math.min(done, total) / total);
        return "[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " + done + "/" + total;
    }

    private void printReport(JsonNode report) {
        JsonNode totals = report.path("totals");
        String mode = report.path("mode").asText("LOAD");
        String changes = switch (mode) {
            case "REMOVE" -> String.format(Locale.ROOT, "removed %,d, not present %,d",
                    totals.path("removed").asLong(), totals.path("notPresent").asLong());
            case "REPLACE" -> String.format(Locale.ROOT, "added %,d, kept %,d, removed %,d",
                    totals.path("loaded").asLong(), totals.path("kept").asLong(), totals.path("removed").asLong());
            default -> String.format(Locale.ROOT, "loaded %,d, already present %,d",
                    totals.path("loaded").asLong(), totals.path("alreadyPresent").asLong());
        };
        out.printf(Locale.ROOT, "Rows %,d: %s, duplicates in file %,d, rejected %,d; images %,d%n",
                totals.path("rows").asLong(), changes, totals.path("duplicatesInFile").asLong(),
                totals.path("rejected").asLong(), totals.path("imagesCopied").asLong());
        JsonNode rejected = report.path("rejectedRows").path("details");
        int shown = 0;
        for (JsonNode row : rejected) {
            if (shown++ == 10) {
                out.println("  ... (see the report for all)");
                break;
            }
            out.println("  " + (row.hasNonNull("entry") ? row.get("entry").asText() + " " : "") + "line "
                    + row.path("line").asText() + ": " + row.path("reason").asText());
        }
        if (report.hasNonNull("movedTo")) {
            out.println("Upload moved to s3://" + sourceBucket + "/" + report.get("movedTo").asText());
        }
    }

    /** Every ingestion execution of the running stack, with status and counts. */
    public void list() {
        List<ExecutionListItem> all = executions.all();
        if (all.isEmpty()) {
            out.println("No executions yet.");
            return;
        }
        out.printf(Locale.ROOT, "%-19s  %-9s  %8s  %8s  %8s  %8s  %8s  %s%n", "started", "status", "rows", "loaded",
                "present", "removed", "rejected", "upload (execution)");
        for (ExecutionListItem execution : all) {
            String key = executions.sourceKey(execution).orElse(null);
            JsonNode totals = key == null ? null : report(key).map(report -> report.path("totals")).orElse(null);
            out.printf(Locale.ROOT, "%-19s  %-9s  %8s  %8s  %8s  %8s  %8s  %s (%s)%n", TIME.format(execution.startDate()),
                    execution.statusAsString(), count(totals, "rows"), count(totals, "loaded"),
                    count(totals, "alreadyPresent"), count(totals, "removed"), count(totals, "rejected"), key, execution.name());
        }
    }

    private static String count(JsonNode totals, String field) {
        return totals == null || !totals.has(field) ? "-" : String.format(Locale.ROOT, "%,d", totals.get(field).asLong());
    }



    private Optional<JsonNode> report(String sourceKey) {
        try {
            return Optional.of(JSON.readTree(s3.getObjectAsBytes(b -> b.bucket(sourceBucket).key(UploadKeys.report(sourceKey))).asByteArray()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("unreadable report for " + sourceKey, e);
        }
    }

    @Override
    public void close() {
        s3.close();
        sfn.close();
    }
}
