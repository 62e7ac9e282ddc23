package com.carcatalog.ingest.handler;

import com.carcatalog.ingest.report.IngestReport;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsBuilder;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * CloudWatch metrics of finished loads (rows loaded, rejected, ...), as Embedded Metric Format
 * log lines through Powertools. Outside Lambda (tests, the local stack) there is no CloudWatch to
 * receive them, so the numbers are only logged at debug level.
 */
public interface LoadMetrics {

    String DEFAULT_NAMESPACE = "CarCatalog";

    void loadFinished(String status, IngestReport.Totals totals);

    /** EMF in Lambda (where {@code AWS_LAMBDA_FUNCTION_NAME} is set), otherwise debug logging only. */
    static LoadMetrics fromEnvironment(Map<String, String> env) {
        if (env.get("AWS_LAMBDA_FUNCTION_NAME") == null) {
            return logOnly();
        }
        String namespace = env.getOrDefault("POWERTOOLS_METRICS_NAMESPACE", DEFAULT_NAMESPACE);
        String service = env.getOrDefault("POWERTOOLS_SERVICE_NAME", "ingest");
        return new Emf(MetricsBuilder.builder().withNamespace(namespace).withService(service).build());
    }

    static LoadMetrics logOnly() {
        Logger log = LoggerFactory.getLogger(LoadMetrics.class);
        return (status, totals) -> log.debug("Load metrics (not published outside Lambda): {} {}", status, totals);
    }

    /** Publishes through Powertools' functional API (no AspectJ); a failure is logged, never fails the load. */
    final class Emf implements LoadMetrics {
        private static final Logger LOG = LoggerFactory.getLogger(Emf.class);
        private final Metrics metrics;

        Emf(Metrics metrics) {
            this.metrics = metrics;
        }

        @Override
        public void loadFinished(String status, IngestReport.Totals totals) {
            try {
                metrics.addDimension("status", status);
                metrics.addMetric("UploadsFinished", 1, MetricUnit.COUNT);
                metrics.addMetric("RowsRead", totals.rows(), MetricUnit.COUNT);
                metrics.addMetric("RowsLoaded", totals.loaded(), MetricUnit.COUNT);
                metrics.addMetric("RowsAlreadyPresent", totals.alreadyPresent(), MetricUnit.COUNT);
                metrics.addMetric("RowsDuplicatedInFile", totals.duplicatesInFile(), MetricUnit.COUNT);
                metrics.addMetric("RowsRejected", totals.rejected(), MetricUnit.COUNT);
                metrics.addMetric("ImagesCopied", totals.imagesCopied(), MetricUnit.COUNT);
                metrics.addMetric("CarsRemoved", totals.removed(), MetricUnit.COUNT);
                metrics.addMetric("RowsNotPresent", totals.notPresent(), MetricUnit.COUNT);
                metrics.flush();
            } catch (RuntimeException e) {
                LOG.warn("Could not publish load metrics: {}", e.toString());
            }
        }
    }
}
