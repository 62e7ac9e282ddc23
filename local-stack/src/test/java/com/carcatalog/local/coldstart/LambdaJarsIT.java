package com.carcatalog.local.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import com.carcatalog.ingest.handler.IngestFunctions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The deployable jars, as shrunk, answer: every handler the template names runs from its jar alone
 * in a fresh JVM (classpath: the one-invocation runtime; the handler's class loader: the jar) against
 * dynalite and s3proxy. A CSV goes through the trigger and the whole workflow, each task a fresh JVM;
 * then {@code GET /cars} and {@code GET /filters} answer with its cars. A class the shrinking dropped
 * but a function needs fails here, not on AWS.
 */
class LambdaJarsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CSV = """
            manufacturer,model,vehicletype,bodytype,engine,fuel,transmission,transmissiontype
            Volvo,XC40,SUV,Crossover,2.0L I4,Petrol,8-speed automatic,Automatic
            Volvo,V60,Car,Estate,2.0L I4,Diesel,8-speed automatic,Automatic
            Kia,Niro,SUV,Crossover,1.6L I4,Hybrid,6-speed dual-clutch,Automatic
            """;

    private static FreshJvmCatalog catalog;
    private static FreshJvmCatalog.Load load;

    @BeforeAll
    static void loadThroughTheJars() throws InterruptedException {
        catalog = FreshJvmCatalog.start(LambdaJars.in(Path.of(System.getProperty("catalog.root", "..")).toAbsolutePath()));
        load = catalog.load("cars.csv", CSV.getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() {
        if (catalog != null) {
            catalog.close();
        }
    }

    @Test
    void theTriggerStartsOneExecutionForTheUpload() {
        assertThat(load.trigger().path("started")).hasSize(1);
        assertThat(load.trigger().path("alreadyStarted")).isEmpty();
    }

    @Test
    void everyTaskOfTheWorkflowAnswersFromTheIngestionJar() {
        assertThat(load.execution().status()).as("execution %s", load.execution().executionArn())
                .isEqualTo(ExecutionStatus.SUCCEEDED);
        List<String> invoked = catalog.coldStarts().stream().map(FreshJvmCatalog.ColdStart::function).toList();
        List<String> tasks = new ArrayList<>();
        for (IngestFunctions function : IngestFunctions.values()) {
            tasks.add(function.functionName());
        }
        assertThat(invoked).containsAll(tasks);
    }

    @Test
    void carsAnswersWithTheLoadedCarsOfAManufacturer() throws Exception {
        JsonNode response = catalog.cars(Map.of("manufacturer", "Volvo"));

        assertThat(response.path("statusCode").asInt()).as("%s", response).isEqualTo(200);
        JsonNode body = JSON.readTree(response.path("body").asText());
        assertThat(body.path("count").asInt()).isEqualTo(2);
        assertThat(body.path("results").findValuesAsText("model")).containsExactlyInAnyOrder("XC40", "V60");
    }

    @Test
    void filtersAnswersWithTheLoadedValues() throws Exception {
        JsonNode response = catalog.filters();

        assertThat(response.path("statusCode").asInt()).as("%s", response).isEqualTo(200);
        JsonNode body = JSON.readTree(response.path("body").asText());
        List<String> manufacturers = new ArrayList<>();
        body.path("results").forEach(filter -> {
            if (filter.path("filterName").asText().equals("manufacturer")) {
                filter.path("filterValues").forEach(value -> manufacturers.add(value.asText()));
            }
        });
        assertThat(manufacturers).containsExactlyInAnyOrder("Volvo", "Kia");
    }

    @Test
    void theMinimalHandlersOfTheBaselineJarAnswer() {
        assertThat(catalog.baseline("Minimal", "com.carcatalog.coldstart.baseline.MinimalHandler").path("found").asText())
                .isEqualTo("true");
        assertThat(catalog.baseline("MinimalWorkflow", "com.carcatalog.coldstart.baseline.MinimalWorkflowHandler")
                .path("found").asText()).isEqualTo("true");
    }
}
