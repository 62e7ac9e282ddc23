package com.carcatalog.query.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.carcatalog.local.lambda.LocalLambdaContext;
import com.carcatalog.query.cars.SearchReport;
import com.carcatalog.query.planner.PlanKind;
import com.carcatalog.query.telemetry.InvocationMetrics;
import com.carcatalog.query.telemetry.PowertoolsQueryMetrics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Outside Lambda, Powertools metrics go to stdout as EMF instead of looking for an agent. */
class PowertoolsQueryMetricsTest {

    @Test
    void anInvocationIsPublishedAsEmbeddedMetricFormatOnStdout() {
        PowertoolsQueryMetrics metrics = new PowertoolsQueryMetrics("cars");
        SearchReport search = new SearchReport(PlanKind.GSI_QUERY, "gsi_bodytype_engine", "gsi_bodytype_engine+range",
                1, 12.5, 40, 10, 2, 3, false);

        String output = stdoutOf(() -> {
            metrics.coldStart(LocalLambdaContext.withRequestId("r1"));
            metrics.publish(new InvocationMetrics(200, 42, search));
        });

        assertThat(output).contains("\"_aws\"", "\"Namespace\":\"CarCatalog\"", "\"Service\":\"cars\"",
                "\"Latency\":42", "\"ItemsRead\":40", "\"ItemsReturned\":10",
                "\"PlanKind\":\"GSI_QUERY\"", "\"Index\":\"gsi_bodytype_engine\"", "\"QueryPlan\":1");
    }

    private static String stdoutOf(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
