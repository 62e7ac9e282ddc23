package com.carcatalog.ingest.handler;

import com.carcatalog.core.config.AwsClients;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.core.iam.AwsPermission;
import com.carcatalog.ingest.IngestSettings;
import com.carcatalog.ingest.Upload;
import com.carcatalog.ingest.UploadKeys;
import com.carcatalog.ingest.parse.ParseResult;
import com.carcatalog.ingest.parse.StaticImages;
import com.carcatalog.ingest.parse.UploadParser;
import com.carcatalog.ingest.upload.ValidationResult;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Task ParseUpload: streams the validated upload into chunk files and a chunk manifest under
 * {@code staging/<executionName>/}, copies images to the static bucket. Input
 * {@code {"executionName", "upload", "validation"}} (the ValidateUpload output); output
 * {@link ParseResult}.
 */
public final class ParseUploadHandler extends TaskHandler<ParseUploadHandler.Input, ParseResult> {

    /**
     * The AWS calls this function makes (see {@link AwsPermission}); the template grants exactly these.
     * UploadParser reads the upload (404 needs ListBucket) and writes chunks, manifest and rejected
     * list under staging/; StaticImages puts ZIP images into, and copies a single image to, the static bucket.
     */
    public static final List<AwsPermission> PERMISSIONS = List.of(
            new AwsPermission("s3:GetObject", AwsPermission.sourceObjects(UploadKeys.INCOMING)),
            new AwsPermission("s3:GetObjectVersion", AwsPermission.sourceObjects(UploadKeys.INCOMING)),
            new AwsPermission("s3:ListBucket", AwsPermission.SOURCE_BUCKET),
            new AwsPermission("s3:PutObject", AwsPermission.sourceObjects(UploadKeys.STAGING)),
            new AwsPermission("s3:PutObject", AwsPermission.STATIC_OBJECTS));

    private static final Logger LOG = LoggerFactory.getLogger(ParseUploadHandler.class);

    /** The task's input. */
    public record Input(String executionName, Upload upload, ValidationResult validation) {
    }

    private final UploadParser parser;

    /** Lambda's entry: names and settings from the environment, the client once per container. */
    public ParseUploadHandler() {
        this(CatalogConfig.fromEnvironment(System.getenv()));
    }

    private ParseUploadHandler(CatalogConfig config) {
        this(config, AwsClients.s3(config.endpoints()), IngestSettings.fromEnvironment(System.getenv()), Clock.systemUTC());
    }

    public ParseUploadHandler(CatalogConfig config, S3Client s3, IngestSettings settings, Clock clock) {
        super(Input.class);
        this.parser = parser(config, s3, settings, clock);
    }

    private static UploadParser parser(CatalogConfig config, S3Client s3, IngestSettings settings, Clock clock) {
        return new UploadParser(s3, new StaticImages(s3, config.staticBucket()), settings, clock);
    }

    @Override
    protected String executionName(Input input) {
        return require(input.executionName(), "executionName");
    }

    @Override
    protected ParseResult process(Input input) {
        ParseResult result = parser.parse(input.executionName(), require(input.upload(), "upload"),
                require(input.validation(), "validation").uploadKind());
        LOG.info("Parsed {}: {} chunks, {} rows, {} valid, {} duplicates in file, {} rejected, {} images copied, {} entries skipped",
                input.upload().location(), result.chunks(), result.totals().rows(), result.totals().valid(),
                result.totals().duplicatesInFile(), result.totals().rejected(), result.imagesCopied(), result.entriesSkipped());
        return result;
    }
}
