package com.carcatalog.query.api;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.carcatalog.query.cars.AnsweredFrom;
import com.carcatalog.query.cars.InvalidParameterException;
import com.carcatalog.query.cars.SearchReport;
import com.carcatalog.query.facets.FacetBudgetExceededException;
import com.carcatalog.query.paging.InvalidPageTokenException;
import com.carcatalog.query.telemetry.InvocationMetrics;
import com.carcatalog.query.telemetry.QueryMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.CorrelationIdPaths;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * What every query function does around its own work: logging context (Lambda fields and the API
 * Gateway request id as correlation id), cold-start and latency metrics, the GET-only rule, and
 * turning failures into responses: bad input 400, throttling or an unreachable service 503 with {@code Retry-After},
 * facet counts over their read budget 503 with its message,
 * anything else 500 with the request id (details only in the log).
 */
final class ApiInvocation {

    private static final Logger LOG = LoggerFactory.getLogger(ApiInvocation.class);

    private final ApiResponses responses;
    private final QueryMetrics metrics;

    ApiInvocation(ApiResponses responses, QueryMetrics metrics) {
        this.responses = responses;
        this.metrics = metrics;
    }

    /** A function's own work: turns a GET request into the 200 answer. */
    @FunctionalInterface
    interface Work {
        Answer answer(APIGatewayProxyRequestEvent event);
    }

    /**
     * The body of a 200 response, where it came from and, for a car search, its report for the metrics.
     *
     * @param search       {@code null} when the work was no search
     * @param answeredFrom {@code null} when the work does not say
     */
    record Answer(Object body, SearchReport search, AnsweredFrom answeredFrom) {
        Answer(Object body, SearchReport search) {
            this(body, search, search == null ? null : search.answeredFrom());
        }

        static Answer of(Object body) {
            return new Answer(body, null, null);
        }
    }

    APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context, Work work) {
        long started = System.nanoTime();
        quietly(() -> metrics.coldStart(context));
        initializeLogging(event, context);
        Outcome outcome = new Outcome(responses.internalError(requestId(context)), null, null);
        try {
            outcome = respond(event, context, work);
            return outcome.response();
        } finally {
            InvocationMetrics invocation = new InvocationMetrics(outcome.response().getStatusCode(),
                    (System.nanoTime() - started) / 1_000_000, outcome.search(), outcome.answeredFrom());
            quietly(() -> metrics.publish(invocation));
            PowertoolsLogging.clearState(true);
        }
    }

    private record Outcome(APIGatewayProxyResponseEvent response, SearchReport search, AnsweredFrom answeredFrom) {

        Outcome(APIGatewayProxyResponseEvent response) {
            this(response, null, null);
        }
    }

    private Outcome respond(APIGatewayProxyRequestEvent event, Context context, Work work) {
        String method = event.getHttpMethod();
        if (method != null && !"GET".equalsIgnoreCase(method)) {
            LOG.info("Method not allowed: {}", entry("httpMethod", method));
            return new Outcome(responses.methodNotAllowed(method));
        }
        try {
            Answer answer = work.answer(event);
            return new Outcome(responses.ok(answer.body()), answer.search(), answer.answeredFrom());
        } catch (InvalidParameterException e) {
            LOG.info("Bad request, {}: {}", entry("parameter", e.parameter()), e.getMessage());
            return new Outcome(responses.badRequest(e.getMessage()));
        } catch (InvalidPageTokenException e) {
            LOG.info("Bad request, {}: {}", entry("parameter", "nextToken"), e.getMessage());
            return new Outcome(responses.badRequest(e.getMessage()));
        } catch (FacetBudgetExceededException e) {
            LOG.warn("Facet counts over the read budget, answering 503: {}", e.getMessage());
            return new Outcome(responses.unavailable(e.getMessage()));
        } catch (RuntimeException e) {
            if (ServiceErrors.isThrottling(e)) {
                LOG.warn("Throttled by AWS, answering 503: {}", e.toString());
                return new Outcome(responses.throttled());
            }
            if (ServiceErrors.isUnreachable(e)) {
                LOG.error("An AWS service is unreachable, answering 503: {}", e.toString());
                return new Outcome(responses.throttled());
            }
            LOG.error("Request failed", e);
            return new Outcome(responses.internalError(requestId(context)));
        }
    }

    private static String requestId(Context context) {
        return context == null ? null : context.getAwsRequestId();
    }

    private static void initializeLogging(APIGatewayProxyRequestEvent event, Context context) {
        boolean hasRequestId = event.getRequestContext() != null && event.getRequestContext().getRequestId() != null;
        if (hasRequestId) {
            PowertoolsLogging.initializeLogging(context, CorrelationIdPaths.API_GATEWAY_REST, event);
        } else {
            PowertoolsLogging.initializeLogging(context);
        }
    }

    private static void quietly(Runnable recording) {
        try {
            recording.run();
        } catch (RuntimeException e) {
            // Metrics are an aid: losing one data point must not turn an answer into an error.
            LOG.warn("Could not record metrics", e);
        }
    }
}
