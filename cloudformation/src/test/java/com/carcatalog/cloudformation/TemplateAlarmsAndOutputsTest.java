package com.carcatalog.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Someone hears about failed loads, API 5xx and function errors; the outputs say where things are. */
class TemplateAlarmsAndOutputsTest {

    private final Template template = Templates.application();

    @Test
    void failedAndTimedOutIngestionExecutionsAreAlarmed() {
        Set<String> metrics = new TreeSet<>();
        for (Template.Resource alarm : alarms()) {
            if ("AWS/States".equals(alarm.property("Namespace"))) {
                assertThat(Expressions.render(alarm.property("Dimensions"))).contains("Value=${IngestStateMachine}");
                metrics.add(alarm.string("MetricName"));
            }
        }
        assertThat(metrics).contains("ExecutionsFailed", "ExecutionsTimedOut");
    }

    @Test
    void apiServerErrorsAreAlarmed() {
        assertThat(alarms()).anySatisfy(alarm -> {
            assertThat(alarm.property("Namespace")).isEqualTo("AWS/ApiGateway");
            assertThat(alarm.property("MetricName")).isEqualTo("5XXError");
            assertThat(Expressions.render(alarm.property("Dimensions")))
                    .contains("Value=${apiGatewayName}").contains("Value=${apiGatewayStageName}");
        });
    }

    @Test
    void everyFunctionsErrorsAreAlarmed() {
        Set<String> alarmed = new TreeSet<>();
        for (Template.Resource alarm : alarms()) {
            if ("AWS/Lambda".equals(alarm.property("Namespace")) && "Errors".equals(alarm.property("MetricName"))) {
                for (Object dimension : Values.list(alarm.property("Dimensions"))) {
                    Map<String, Object> body = Values.map(dimension, alarm.id());
                    if ("FunctionName".equals(body.get("Name"))) {
                        alarmed.add(Values.refName(body.get("Value")));
                    }
                }
            }
        }
        Set<String> functions = new TreeSet<>();
        template.ofType("AWS::Serverless::Function").forEach(f -> functions.add(f.id()));
        assertThat(alarmed).isEqualTo(functions);
    }

    @Test
    void everyAlarmNotifiesTheTopic() {
        for (Template.Resource alarm : alarms()) {
            assertThat(Values.list(alarm.property("AlarmActions")).stream().map(Expressions::render).toList())
                    .as("%s.AlarmActions", alarm.id()).containsExactly("${AlarmTopic}");
            assertThat(alarm.property("TreatMissingData")).as("%s: no data is no failure", alarm.id()).isEqualTo("notBreaching");
        }
    }

    @Test
    void outputsNameTheApiBucketsAndStateMachine() {
        Map<String, Object> outputs = template.outputs();
        assertThat(value(outputs, "ApiUrl"))
                .isEqualTo("https://${CatalogApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/${apiGatewayStageName}");
        assertThat(value(outputs, "SourceBucketName")).isEqualTo("${SourceBucket}");
        assertThat(value(outputs, "StaticBucketName")).isEqualTo("${StaticBucket}");
        assertThat(value(outputs, "StateMachineArn")).isEqualTo("${IngestStateMachine}");
        assertThat(value(outputs, "ImageBaseUrl")).isEqualTo("https://${StaticDistribution.DomainName}");
    }

    private static String value(Map<String, Object> outputs, String name) {
        assertThat(outputs).containsKey(name);
        return Expressions.render(Values.map(outputs.get(name), "Outputs." + name).get("Value"));
    }

    private List<Template.Resource> alarms() {
        return template.ofType("AWS::CloudWatch::Alarm");
    }
}
