package com.carcatalog.ingest.handler;

import com.carcatalog.core.config.AwsClients;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.core.iam.AwsPermission;
import com.carcatalog.ingest.IngestSettings;
import com.carcatalog.ingest.Upload;
import com.carcatalog.ingest.UploadKeys;
import com.carcatalog.ingest.upload.UploadValidator;
import com.carcatalog.ingest.upload.UploadedObjects;
import com.carcatalog.ingest.upload.ValidationResult;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Task ValidateUpload: decides whether the upload can be loaded. Returns a rejection as a normal
 * result ({@code valid: false} with {@code error} and {@code cause}) for the workflow to route.
 * Input {@code {"executionName", "upload": {"bucket", "key", "versionId", "eTag"}}}; output
 * {@link ValidationResult}.
 */
public final class ValidateUploadHandler extends TaskHandler<ValidateUploadHandler.Input, ValidationResult> {

    /**
     * The AWS calls this function makes (see {@link AwsPermission}); the template grants exactly these.
     * UploadedObjects reads the upload by version id (versioned source bucket) or with an ETag
     * precondition; without ListBucket S3 answers 403 instead of 404 for a vanished upload, and the
     * NotFound rejection would become an error.
     */
    public static final List<AwsPermission> PERMISSIONS = List.of(
            new AwsPermission("s3:GetObject", AwsPermission.sourceObjects(UploadKeys.INCOMING)),
            new AwsPermission("s3:GetObjectVersion", AwsPermission.sourceObjects(UploadKeys.INCOMING)),
            new AwsPermission("s3:ListBucket", AwsPermission.SOURCE_BUCKET));

    private static final Logger LOG = LoggerFactory.getLogger(ValidateUploadHandler.class);

    /** The task's input. */
    public record Input(String executionName, Upload upload) {
    }

    private final UploadValidator validator;

    public ValidateUploadHandler() {
        this(CatalogConfig.fromEnvironment(System.getenv()), IngestSettings.fromEnvironment(System.getenv()));
    }

    private ValidateUploadHandler(CatalogConfig config, IngestSettings settings) {
        this(AwsClients.s3(config.endpoints()), settings);
    }

    public ValidateUploadHandler(S3Client s3, IngestSettings settings) {
        super(Input.class);
        this.validator = new UploadValidator(new UploadedObjects(s3), settings);
    }

    @Override
    protected String executionName(Input input) {
        return require(input.executionName(), "executionName");
    }

    @Override
    protected ValidationResult process(Input input) {
        ValidationResult result = validator.validate(require(input.upload(), "upload"));
        if (result.valid()) {
            LOG.info("Upload {} accepted: {} of {} bytes", input.upload().location(), result.kind(), result.sizeBytes());
        } else {
            LOG.info("Upload {} rejected: {}: {}", input.upload().location(), result.error(), result.cause());
        }
        return result;
    }
}
