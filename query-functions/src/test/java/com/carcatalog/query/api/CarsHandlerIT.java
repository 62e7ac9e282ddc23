package com.carcatalog.query.api;

import static com.carcatalog.query.testing.ApiEvents.get;
import static com.carcatalog.query.testing.ApiEvents.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.carcatalog.core.car.Car;
import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.core.schema.IndexCatalog;
import com.carcatalog.local.lambda.LocalLambdaContext;
import com.carcatalog.query.cars.CarSearch;
import com.carcatalog.query.cars.PlanReader;
import com.carcatalog.query.cars.ReadBudget;
import com.carcatalog.query.enrich.CachedImageListing;
import com.carcatalog.query.enrich.ImageCatalog;
import com.carcatalog.query.enrich.ImageUrls;
import com.carcatalog.query.enrich.S3ImageListing;
import com.carcatalog.query.filters.CatalogFilters;
import com.carcatalog.query.filters.CatalogStateReader;
import com.carcatalog.query.filters.FilterTableReader;
import com.carcatalog.query.paging.PageTokenCodec;
import com.carcatalog.query.planner.PlanKind;
import com.carcatalog.query.telemetry.QueryMetrics;
import com.carcatalog.query.testing.LocalCatalog;
import com.carcatalog.query.testing.RecordingMetrics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code GET /cars} end to end on dynalite and s3proxy: images, caching, tokens, fan-out paging. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CarsHandlerIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Car GIULIA_DIESEL = Car.of("Alfa Romeo", "Giulia", "Passenger car", "Sedan", "2.2", "Diesel", "Automatic", "8-speed");
    private static final Car GIULIA_PETROL = Car.of("Alfa Romeo", "Giulia", "Passenger car", "Sedan", "2.0", "Petrol", "Automatic", "8-speed");
    private static final Car OCTAVIA = Car.of("Škoda", "Octavia Combi", "Passenger car", "Estate", "2.0 TDI", "Diesel", "Manual", "6-speed");
    private static final Car X5 = Car.of("BMW", "X5", "Passenger car", "SUV", "3.0", "Diesel", "Automatic", "8-speed");
    private static final Car X5_M = Car.of("BMW", "X5/M", "Passenger car", "SUV", "4.4", "Petrol", "Automatic", "8-speed");

    private LocalCatalog local;
    private CatalogConfig config;
    private QuerySettings settings;
    private final AtomicInteger listings = new AtomicInteger();
    private S3Client countingS3;

    @BeforeAll
    void startCatalogWithImages() {
        local = LocalCatalog.start();
        config = local.newCatalog();
        local.load(config, List.of(GIULIA_DIESEL, GIULIA_PETROL, OCTAVIA, X5, X5_M), true);
        local.putImage("Alfa-Romeo/Giulia/Highlight-front.png");
        local.putImage("Alfa-Romeo/Giulia/side.png");
        local.putImage("Škoda/Octavia-Combi/Highlight interior.png");
        local.putImage("BMW/X5/M/Highlight.png");
        settings = QuerySettings.defaults(config.staticBucket()).withImageBaseUrl(local.imageBaseUrl());
        countingS3 = S3Client.builder()
                .endpointOverride(local.endpoints().s3Endpoint().orElseThrow())
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("local", "local")))
                .forcePathStyle(true)
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .overrideConfiguration(override -> override.addExecutionInterceptor(new ListingCounter(listings)))
                .build();
    }

    @AfterAll
    void stop() {
        countingS3.close();
        local.close();
    }

    @Test
    void carsCarryTheirModelsHighlightAndAllImageUrls() throws Exception {
        JsonNode page = body(handler().handleRequest(get("/cars", params("model", "Giulia", "fuel", "Diesel")), context()));

        assertThat(page.get("count").asInt()).isEqualTo(1);
        assertThat(page.has("nextToken")).isFalse();
        JsonNode car = page.get("results").get(0);
        assertThat(car.get("ID").asText()).isEqualTo(GIULIA_DIESEL.key().id());
        assertThat(car.get("model").asText()).isEqualTo("Giulia");
        String base = local.imageBaseUrl();
        assertThat(car.get("highlight_image").asText()).isEqualTo(base + "/Alfa-Romeo/Giulia/Highlight-front.png");
        assertThat(strings(car.get("Images"))).containsExactly(
                base + "/Alfa-Romeo/Giulia/Highlight-front.png", base + "/Alfa-Romeo/Giulia/side.png");
    }

    @Test
    void imageUrlsWithNonAsciiAndSpacesAreFetchable() throws Exception {
        JsonNode page = body(handler().handleRequest(get("/cars", params("manufacturer", "Škoda")), context()));

        String url = page.get("results").get(0).get("highlight_image").asText();
        assertThat(url).endsWith("/%C5%A0koda/Octavia-Combi/Highlight%20interior.png");
        HttpResponse<byte[]> image = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.statusCode()).isEqualTo(200);
    }

    @Test
    void onlyImagesDirectlyInTheModelFolderBelongToTheModel() throws Exception {
        JsonNode page = body(handler().handleRequest(get("/cars", params("manufacturer", "BMW")), context()));

        Map<String, JsonNode> byModel = new java.util.HashMap<>();
        page.get("results").forEach(car -> byModel.put(car.get("model").asText(), car));
        assertThat(byModel.get("X5").has("highlight_image")).isFalse();
        assertThat(byModel.get("X5").get("Images")).isEmpty();
        assertThat(byModel.get("X5/M").get("highlight_image").asText()).endsWith("/BMW/X5/M/Highlight.png");
    }

    @Test
    void aPageListsEachModelFolderOnceAndLaterPagesReuseTheListing() throws Exception {
        listings.set(0);
        CarsHandler handler = handlerListingThrough(countingS3);

        JsonNode first = body(handler.handleRequest(get("/cars", params("manufacturer", "Alfa Romeo", "manufacturer", "Škoda")), context()));
        assertThat(first.get("count").asInt()).isEqualTo(3);
        assertThat(listings).as("ListObjectsV2 calls for Giulia and Octavia Combi").hasValue(2);

        handler.handleRequest(get("/cars", params("manufacturer", "Alfa Romeo")), context());
        assertThat(listings).as("Giulia's listing is cached").hasValue(2);
    }

    @Test
    void theSearchIsReportedToTheMetrics() {
        RecordingMetrics metrics = new RecordingMetrics();
        CarsHandler handler = new CarsHandler(config, settings, local.dynamoDb(), local.s3(), metrics);

        handler.handleRequest(get("/cars", params("manufacturer", "BMW", "fuel", "Diesel")), context());

        var search = metrics.last().searchReport().orElseThrow();
        assertThat(search.planKind()).isEqualTo(PlanKind.LSI_QUERY);
        assertThat(search.indexName()).isEqualTo("lsi_fuel");
        assertThat(search.itemsReturned()).isEqualTo(1);
        assertThat(search.itemsRead()).isEqualTo(1);
    }

    @Test
    void aFanOutPagesThroughEveryLookupWithoutRepeats() throws Exception {
        CarsHandler handler = handler();
        List<String> ids = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Map<String, List<String>> parameters = params("manufacturer", "BMW", "manufacturer", "Alfa Romeo",
                    "manufacturer", "Škoda", "limit", "1");
            if (token != null) {
                parameters.put("nextToken", List.of(token));
            }
            JsonNode page = body(handler.handleRequest(get("/cars", parameters), context()));
            page.get("results").forEach(car -> ids.add(car.get("ID").asText()));
            token = page.has("nextToken") ? page.get("nextToken").asText() : null;
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(5);
        assertThat(ids).doesNotHaveDuplicates().hasSize(5);
    }

    @Test
    void aTokenCannotContinueAnotherQuery() throws Exception {
        CarsHandler handler = handler();
        JsonNode first = body(handler.handleRequest(get("/cars", params("fuel", "Diesel", "limit", "1")), context()));
        String token = first.get("nextToken").asText();

        APIGatewayProxyResponseEvent other = handler.handleRequest(
                get("/cars", params("fuel", "Petrol", "limit", "1", "nextToken", token)), context());
        APIGatewayProxyResponseEvent same = handler.handleRequest(
                get("/cars", params("fuel", "Diesel", "limit", "1", "nextToken", token)), context());

        assertThat(other.getStatusCode()).isEqualTo(400);
        assertThat(body(other).get("message").asText()).contains("nextToken");
        assertThat(same.getStatusCode()).isEqualTo(200);
    }

    @Test
    void badRequestsAreAnswered400BeforeTouchingTheCatalog() throws Exception {
        CarsHandler handler = handler();
        String token = body(handler.handleRequest(get("/cars", params("limit", "1")), context())).get("nextToken").asText();
        String tampered = token.substring(0, 5) + (token.charAt(5) == 'A' ? 'B' : 'A') + token.substring(6);
        String foreign = PageTokenCodec.withKey("another deployment's key").encode(PageTokenCodec
                .withKey(PageTokenCodec.DEVELOPMENT_KEY).decode(token));

        for (Map<String, List<String>> parameters : List.of(
                params("color", "red"), params("fuel", " "), params("limit", "1001"),
                params("limit", "1", "nextToken", tampered),
                params("limit", "1", "nextToken", foreign))) {
            APIGatewayProxyResponseEvent response = handler.handleRequest(get("/cars", parameters), context());
            assertThat(response.getStatusCode()).as("%s", parameters).isEqualTo(400);
            assertThat(body(response).get("message").asText()).isNotBlank();
            assertThat(response.getHeaders()).containsEntry("Access-Control-Allow-Origin", "*");
        }
    }

    @Test
    void aTokenWorksInAnotherContainerWithTheSameKey() throws Exception {
        JsonNode first = body(handler().handleRequest(get("/cars", params("limit", "2")), context()));

        JsonNode second = body(handler().handleRequest(
                get("/cars", params("limit", "2", "nextToken", first.get("nextToken").asText())), context()));

        assertThat(second.get("count").asInt()).isEqualTo(2);
        assertThat(strings(second.get("results"), "ID")).doesNotContainAnyElementsOf(strings(first.get("results"), "ID"));
    }

    @Test
    void aFilterMatchingNothingAnswersAnEmptyPage() throws Exception {
        JsonNode page = body(handler().handleRequest(get("/cars", params("bodytype", "Pickup")), context()));

        assertThat(page.get("count").asInt()).isZero();
        assertThat(page.get("results")).isEmpty();
        assertThat(page.has("nextToken")).isFalse();
    }

    private CarsHandler handler() {
        return new CarsHandler(config, settings, local.dynamoDb(), local.s3(), QueryMetrics.disabled());
    }

    private CarsHandler handlerListingThrough(S3Client s3) {
        CatalogFilters statistics = new CatalogFilters(new FilterTableReader(local.dynamoDb(), config.filterTable()),
                new CatalogStateReader(local.dynamoDb(), config.filterTable()));
        CarSearch search = new CarSearch(IndexCatalog.cars(), statistics,
                new PlanReader(local.dynamoDb(), config.carsTable(), ReadBudget.DEFAULT),
                new ImageCatalog(new CachedImageListing(new S3ImageListing(s3, config.staticBucket()), Duration.ofMinutes(5),
                        statistics::generation), new ImageUrls(settings.imageBaseUrl())),
                PageTokenCodec.withKey(PageTokenCodec.DEVELOPMENT_KEY));
        return new CarsHandler(search, settings, QueryMetrics.disabled());
    }

    private static LocalLambdaContext context() {
        return LocalLambdaContext.withRequestId("it-request");
    }

    private static JsonNode body(APIGatewayProxyResponseEvent response) throws Exception {
        return JSON.readTree(response.getBody());
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(node -> strings.add(node.asText()));
        return strings;
    }

    private static List<String> strings(JsonNode array, String field) {
        List<String> strings = new ArrayList<>();
        array.forEach(node -> strings.add(node.get(field).asText()));
        return strings;
    }

    /** Counts ListObjectsV2 calls the S3 client really makes. */
    private record ListingCounter(AtomicInteger count) implements ExecutionInterceptor {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if ("ListObjectsV2".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
                count.incrementAndGet();
            }
        }
    }
}
