package com.carcatalog.ingest.trigger;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.carcatalog.ingest.Upload;
import com.carcatalog.ingest.UploadKeys;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads S3 event notifications into the uploads to load. Keys arrive URL-encoded the way HTML
 * forms encode ({@code +} for a space, {@code %XX} for other bytes); objects removed, and objects
 * outside {@code incoming/} (the workflow's own reports, staging files and moved uploads) are
 * ignored.
 */
public final class UploadEvents {

    private UploadEvents() {
    }

    /** What to do about one event record. */
    public sealed interface Decision permits Start, Ignore {
    }

    public record Start(Upload upload) implements Decision {
    }

    public record Ignore(String key, String reason) implements Decision {
    }

    public static List<Decision> decide(S3Event event) {
        List<Decision> decisions = new ArrayList<>();
        if (event == null || event.getRecords() == null) {
            return decisions;
        }
        for (S3EventNotificationRecord record : event.getRecords()) {
            decisions.add(decideRecord(record));
        }
        return decisions;
    }

    private static Decision decideRecord(S3EventNotificationRecord record) {
        String key = decodeKey(record.getS3().getObject().getKey());
        String eventName = record.getEventName() == null ? "" : record.getEventName();
        if (!eventName.startsWith("ObjectCreated")) {
            return new Ignore(key, "event " + eventName + " is not an upload");
        }
        if (!UploadKeys.isIncoming(key)) {
            return new Ignore(key, "outside " + UploadKeys.INCOMING);
        }
        var object = record.getS3().getObject();
        return new Start(new Upload(record.getS3().getBucket().getName(), key, object.getVersionId(), object.geteTag(),
                object.getSequencer()));
    }

    /** {@code incoming/My+Cars%282024%29.csv} is {@code incoming/My Cars(2024).csv}. */
    public static String decodeKey(String encoded) {
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }
}
