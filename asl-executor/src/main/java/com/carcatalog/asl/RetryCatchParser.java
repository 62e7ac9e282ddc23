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

    private RetryCatchParser() {
    }

    static State.ErrorHandling errorHandling(DefinitionFields f) {
        List<Retrier> retriers = new ArrayList<>();
        JsonNode retry = f.has("Retry") ? f.required("Retry") : null;
        if (retry != null) {
            if (!retry.isArray()) {
                throw f.error("Retry", "must be an array of retriers");
            }
            for (int i = 0; i < retry.size(); i++) {
                DefinitionFields r = new DefinitionFields(f.state, "Retry[" + i + "].", retry.get(i), Set.of("ErrorEquals",
                        "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment"));
                List<String> errors = errorEquals(r, i == retry.size() - 1);
                int interval = r.has("IntervalSeconds") ? r.integer("IntervalSeconds", 1)
                        : Retrier.DEFAULT_INTERVAL_SECONDS;
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
                retriers.add(new Retrier(errors, interval, maxAttempts, backoff, maxDelay, jitter));
            }
        }
        List<Catcher> catchers = new ArrayList<>();
        JsonNode catchNode = f.has("Catch") ? f.required("Catch") : null;
        if (catchNode != null) {
            if (!catchNode.isArray()) {
                throw f.error("Catch", "must be an array of catchers");
            }
            for (int i = 0; i < catchNode.size(); i++) {
                DefinitionFields c = new DefinitionFields(f.state, "Catch[" + i + "].", catchNode.get(i),
                        Set.of("ErrorEquals", "Next", "ResultPath", "Comment"));
                List<String> errors = errorEquals(c, i == catchNode.size() - 1);
                ReferencePath resultPath = c.has("ResultPath") ? c.referencePath("ResultPath") : ReferencePath.ROOT;
                catchers.add(new Catcher(errors, c.string("Next"), resultPath));
            }
        }
        return new State.ErrorHandling(retriers, catchers);
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
