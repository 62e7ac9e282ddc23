package com.carcatalog.asl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One event of an execution's history, with the AWS event type name ({@code TaskStateEntered},
 * {@code MapRunStarted}, ...) and the details object GetExecutionHistory puts under
 * {@code <type>EventDetails}.
 *
 * @param details the details, or {@code null} for event types that carry none
 */
public record HistoryEvent(long id, long previousEventId, Instant timestamp, String type, ObjectNode details) {

    /**
     * The key the details go under: {@code stateEnteredEventDetails} for every
     * {@code *StateEntered}, {@code stateExitedEventDetails} for every {@code *StateExited},
     * otherwise the type in lower camel case plus {@code EventDetails}.
     */
    public String detailsKey() {
        if (type.endsWith("StateEntered")) {
            return "stateEnteredEventDetails";
        }
        if (type.endsWith("StateExited")) {
            return "stateExitedEventDetails";
        }
        return Character.toLowerCase(type.charAt(0)) + type.substring(1) + "EventDetails";
    }

    /** The event as the Step Functions JSON protocol returns it (timestamp in epoch seconds). */
    public ObjectNode toAwsJson() {
        ObjectNode json = Json.object();
        json.put("timestamp", BigDecimal.valueOf(timestamp.toEpochMilli()).movePointLeft(3));
        json.put("type", type);
        json.put("id", id);
        json.put("previousEventId", previousEventId);
        if (details != null) {
            json.set(detailsKey(), details.deepCopy());
        }
        return json;
    }
}
