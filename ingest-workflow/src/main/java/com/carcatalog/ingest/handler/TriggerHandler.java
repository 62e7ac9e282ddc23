package com.carcatalog.ingest.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.carcatalog.core.config.AwsClients;
import com.carcatalog.core.config.AwsEndpoints;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.core.iam.AwsPermission;
import com.carcatalog.ingest.trigger.ExecutionName;
import com.carcatalog.ingest.trigger.UploadEvents;
import com.carcatalog.ingest.trigger.WorkflowStarter;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The S3-event trigger: starts one ingestion execution per upload under {@code incoming/}, named
 * deterministically so a redelivered event never starts a second load. Needs
 * {@code STATE_MACHINE_ARN}; honours {@code AWS_ENDPOINT_URL_SFN} (the local stack).
 */
public final class TriggerHandler implements RequestHandler<S3Event, TriggerHandler.Result> {

    /**
     * The AWS calls this function makes (see {@link AwsPermission}); the template grants exactly these.
     * WorkflowStarter starts one execution per upload.
     */
    public static final List<AwsPermission> PERMISSIONS = List.of(
            new AwsPermission("states:StartExecution", AwsPermission.STATE_MACHINE));

    private static final Logger LOG = LoggerFactory.getLogger(TriggerHandler.class);

    /** Execution names started, already started, and keys ignored with the reason. */
    public record Result(List<String> started, List<String> alreadyStarted, List<String> ignored) {
    }

    private final WorkflowStarter starter;

    public TriggerHandler() {
        this(CatalogConfig.fromEnvironment(System.getenv()).endpoints(), System.getenv("STATE_MACHINE_ARN"));
    }

    private TriggerHandler(AwsEndpoints endpoints, String stateMachineArn) {
        this(AwsClients.configure(SfnClient.builder(), endpoints.region(), endpoints.stepFunctionsEndpoint()).build(), stateMachineArn);
    }

    public TriggerHandler(SfnClient sfn, String stateMachineArn) {
        this.starter = new WorkflowStarter(sfn, stateMachineArn);
    }

    @Override
    public Result handleRequest(S3Event event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> {
            List<String> started = new ArrayList<>();
            List<String> alreadyStarted = new ArrayList<>();
            List<String> ignored = new ArrayList<>();
            for (UploadEvents.Decision decision : UploadEvents.decide(event)) {
                if (decision instanceof UploadEvents.Start start) {
                    String name = ExecutionName.of(start.upload());
                    WorkflowStarter.Outcome outcome = starter.start(start.upload(), name);
                    (outcome == WorkflowStarter.Outcome.STARTED ? started : alreadyStarted).add(name);
                    LOG.info("Upload s3://{}/{}: execution {} {}", start.upload().bucket(), start.upload().key(), name,
                            outcome == WorkflowStarter.Outcome.STARTED ? "started" : "was already started (duplicate event)");
                } else if (decision instanceof UploadEvents.Ignore ignore) {
                    ignored.add(ignore.key() + ": " + ignore.reason());
                    LOG.debug("Ignored {}: {}", ignore.key(), ignore.reason());
                }
            }
            return new Result(started, alreadyStarted, ignored);
        });
    }
}
