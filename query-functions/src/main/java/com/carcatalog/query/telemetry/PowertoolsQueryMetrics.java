package com.carcatalog.query.telemetry;

import com.amazonaws.services.lambda.runtime.Context;
import com.carcatalog.query.cars.AnsweredFrom;
import com.carcatalog.query.cars.SearchReport;
import com.carcatalog.query.memory.SnapshotLoad;
import software.amazon.cloudwatchlogs.emf.config.EnvironmentConfigurationProvider;
import software.amazon.cloudwatchlogs.emf.environment.Environments;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;
import software.amazon.lambda.powertools.metrics.provider.EmfMetricsProvider;
import software.amazon.lambda.powertools.metrics.provider.MetricsProvider;

/**
 * Metrics in CloudWatch Embedded Metric Format via Powertools' functional API (no annotations,
 * no weaving: SnapStart-safe). Each invocation gets its own metrics context, so two functions in
 * one JVM (the local stack) never share dimensions.
 *
 * <p>Per invocation, dimension {@code Service}: {@code Latency} (ms), {@code ClientErrors},
 * {@code ServerErrors}, {@code Throttled}; for a search also {@code ItemsRead} (DynamoDB
 * {@code ScannedCount}), {@code ItemsReturned}, {@code DynamoDbRequests}. Per search, dimensions
 * {@code Service, PlanKind, Index}: {@code QueryPlan} (1) and {@code ItemsRead} (plan kind
 * {@code MEMORY}, index {@code memory} for pages answered from memory). Per answer, dimensions
 * {@code Service, AnsweredFrom} ({@code memory} or {@code dynamodb}): {@code Answers} (1). Per
 * snapshot load, dimension {@code Service}: {@code SnapshotLoaded}, {@code SnapshotRefused} or
 * {@code SnapshotUnavailable} (1), {@code SnapshotLoadTime} (ms), and when loaded
 * {@code IndexCars}, {@code IndexResidentBytes}. On a cold start Powertools' {@code ColdStart}
 * metric. Outside Lambda EMF goes to stdout, never to an agent.
 */
public final class PowertoolsQueryMetrics implements QueryMetrics {

    private static final String SERVICE = "Service";

    private final String service;
    private final MetricsProvider provider = new EmfMetricsProvider();

    public PowertoolsQueryMetrics(String service) {
        this.service = service;
        if (System.getenv("AWS_LAMBDA_FUNCTION_NAME") == null
                && EnvironmentConfigurationProvider.getConfig().getEnvironmentOverride() == Environments.Unknown) {
            // Outside Lambda EMF would probe EC2 metadata and then a CloudWatch agent socket.
            EnvironmentConfigurationProvider.getConfig().setEnvironmentOverride(Environments.Local);
        }
    }

    @Override
    public void coldStart(Context context) {
        newContext().captureColdStartMetric(context, DimensionSet.of(SERVICE, service));
    }

    @Override
    public void publish(InvocationMetrics invocation) {
        Metrics metrics = newContext();
        metrics.addMetric("Latency", invocation.latencyMillis(), MetricUnit.MILLISECONDS);
        int status = invocation.statusCode();
        metrics.addMetric("ClientErrors", status >= 400 && status < 500 ? 1 : 0, MetricUnit.COUNT);
        metrics.addMetric("ServerErrors", status >= 500 && status != 503 ? 1 : 0, MetricUnit.COUNT);
        metrics.addMetric("Throttled", status == 503 ? 1 : 0, MetricUnit.COUNT);
        invocation.searchReport().ifPresent(search -> {
            metrics.addMetric("ItemsRead", search.itemsRead(), MetricUnit.COUNT);
            metrics.addMetric("ItemsReturned", search.itemsReturned(), MetricUnit.COUNT);
            metrics.addMetric("DynamoDbRequests", search.dynamoDbRequests(), MetricUnit.COUNT);
            metrics.flushMetrics(plan -> recordPlan(plan, search));
        });
        invocation.answered().ifPresent(from -> metrics.flushMetrics(answer -> {
            answer.setDefaultDimensions(DimensionSet.of(SERVICE, service, "AnsweredFrom", from.label()));
            answer.addMetric("Answers", 1, MetricUnit.COUNT);
        }));
        metrics.flush();
    }

    @Override
    public void snapshotLoad(SnapshotLoad load) {
        Metrics metrics = newContext();
        String outcome = switch (load.outcome()) {
            case LOADED -> "SnapshotLoaded";
            case REFUSED -> "SnapshotRefused";
            case UNAVAILABLE -> "SnapshotUnavailable";
        };
        metrics.addMetric(outcome, 1, MetricUnit.COUNT);
        metrics.addMetric("SnapshotLoadTime", load.millis(), MetricUnit.MILLISECONDS);
        if (load.outcome() == SnapshotLoad.Outcome.LOADED) {
            metrics.addMetric("IndexCars", load.cars(), MetricUnit.COUNT);
            metrics.addMetric("IndexResidentBytes", load.residentBytes(), MetricUnit.BYTES);
        }
        metrics.flush();
    }

    private void recordPlan(Metrics plan, SearchReport search) {
        plan.setDefaultDimensions(DimensionSet.of(SERVICE, service,
                "PlanKind", search.planKind().name(), "Index", search.indexName()));
        plan.addMetric("QueryPlan", 1, MetricUnit.COUNT);
        plan.addMetric("ItemsRead", search.itemsRead(), MetricUnit.COUNT);
    }

    private Metrics newContext() {
        Metrics metrics = provider.getMetricsInstance();
        metrics.setNamespace(NAMESPACE);
        metrics.setDefaultDimensions(DimensionSet.of(SERVICE, service));
        return metrics;
    }
}
