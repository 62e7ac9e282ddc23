package com.carcatalog.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses the Retry and Catch fields of a Task, Parallel or Map state into {@link Retrier}s and
 * {@link Catcher}s, with the service's defaults and the rule that {@code States.ALL} stands
 * alone and last.
 */
final class RetryCatchParser {

    private static final Set<String> RETRIER_FIELDS = Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts",
            "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment");
    private static final Set<String> CATCHER_FIELDS = Set.of("ErrorEquals", "Next", "ResultPath", "Comment");

    private RetryCatchParser() {
    }

    static State.ErrorHandling errorHandling(DefinitionFields f) {
        List<Retrier> retriers = new ArrayList<>();
        JsonNode retry = array(f, "Retry", "retriers");
        for (int i = 0; i < retry.size(); i++) {
            retriers.add(retrier(new DefinitionFields(f.state, "Retry[" + i + "].", retry.get(i), RETRIER_FIELDS),
                    i == retry.size() - 1));
        }
        List<Catcher> catchers = new ArrayList<>();
        JsonNode catchNode = array(f, "Catch", "catchers");
        for (int i = 0; i < catchNode.size(); i++) {
            catchers.add(catcher(new DefinitionFields(f.state, "Catch[" + i + "].", catchNode.get(i), CATCHER_FIELDS),
                    i == catchNode.size() - 1));
        }
        return new State.ErrorHandling(retriers, catchers);
    }

    /** An optional array field; absent reads as empty. */
    private static JsonNode array(DefinitionFields f, String field, String of) {
        if (!f.has(field)) {
            return Json.MAPPER.createArrayNode();
        }
        JsonNode value = f.required(field);
        if (!value.isArray()) {
            throw f.error(field, "must be an array of " + of);
        }
        return value;
    }

    private static Retrier retrier(DefinitionFields r, boolean last) {
        List<String> errors = errorEquals(r, last);
        int interval = r.has("IntervalSeconds") ? r.integer("IntervalSeconds", 1) : Retrier.DEFAULT_INTERVAL_SECONDS;
        int maxAttempts = r.has("MaxAttempts") ? r.integer("MaxAttempts", 0) : Retrier.DEFAULT_MAX_ATTEMPTS;
        double backoff = Retrier.DEFAULT_BACKOFF_RATE;
        if (r.has("BackoffRate")) {
            JsonNode rate = r.required("BackoffRate");
            if (!rate.isNumber() || rate.doubleValue() < 1.0) {
                throw r.error("BackoffRate", "must be a number of at least 1.0");
            }
            backoff = rate.doubleValue();
        }
        Integer maxDelay = r.has("MaxDelaySeconds") ? r.integer("MaxDelaySeconds", 1) : null;
        Retrier.JitterStrategy jitter = Retrier.JitterStrategy.NONE;
        if (r.has("JitterStrategy")) {
            String strategy = r.string("JitterStrategy");
            if (!strategy.equals("FULL") && !strategy.equals("NONE")) {
                throw r.error("JitterStrategy", "must be FULL or NONE, got '" + strategy + "'");
            }
            jitter = Retrier.JitterStrategy.valueOf(strategy);
        }
        return new Retrier(errors, interval, maxAttempts, backoff, maxDelay, jitter);
    }

    private static Catcher catcher(DefinitionFields c, boolean last) {
        List<String> errors = errorEquals(c, last);
        ReferencePath resultPath = c.has("ResultPath") ? c.referencePath("ResultPath") : ReferencePath.ROOT;
        return new Catcher(errors, c.string("Next"), resultPath);
    }

    private static List<String> errorEquals(DefinitionFields f, boolean last) {
        List<String> errors = f.stringList("ErrorEquals");
        if (errors.isEmpty()) {
            throw f.error("ErrorEquals", "must name at least one error");
        }
        if (errors.contains(StatesError.ALL)) {
            if (errors.size() > 1) {
                throw f.error("ErrorEquals", "States.ALL must appear alone");
            }
            if (!last) {
                throw f.error("ErrorEquals", "a States.ALL entry must be the last one");
            }
        }
        return errors;
    }
}
