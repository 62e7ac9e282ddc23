package com.carcatalog.query.api;

import static com.carcatalog.query.testing.ApiEvents.get;
import static com.carcatalog.query.testing.ApiEvents.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.carcatalog.core.schema.IndexCatalog;
import com.carcatalog.local.lambda.LocalLambdaContext;
import com.carcatalog.query.cars.CarSearch;
import com.carcatalog.query.cars.PlanReader;
import com.carcatalog.query.cars.ReadBudget;
import com.carcatalog.query.enrich.ImageCatalog;
import com.carcatalog.query.enrich.ImageUrls;
import com.carcatalog.query.paging.PageTokenCodec;
import com.carcatalog.query.telemetry.QueryMetrics;
import java.net.ConnectException;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** DynamoDB out of reach (a refused connection after the SDK's retries) is transient: 503, not 500. */
class UnreachableServiceTest {

    private final DynamoDbClient dynamoDb = mock(DynamoDbClient.class);
    private final CarsHandler handler = new CarsHandler(new CarSearch(IndexCatalog.cars(), List::of,
            new PlanReader(dynamoDb, "cars", ReadBudget.DEFAULT), new ImageCatalog(prefix -> List.of(), new ImageUrls("https://img")),
            PageTokenCodec.withKey("key")), QuerySettings.defaults("bucket"), QueryMetrics.disabled());

    @Test
    void aRefusedConnectionIsA503WithRetryAfter() {
        when(dynamoDb.query(any(QueryRequest.class))).thenThrow(
                SdkClientException.create("Unable to execute HTTP request", new ConnectException("Connection refused")));

        APIGatewayProxyResponseEvent response = handler.handleRequest(get("/cars", params("manufacturer", "BMW")),
                LocalLambdaContext.withRequestId("unreachable"));

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsKey("Retry-After").containsEntry("Access-Control-Allow-Origin", "*");
    }

    @Test
    void aClientErrorThatIsNoConnectionFailureStaysA500() {
        when(dynamoDb.query(any(QueryRequest.class))).thenThrow(SdkClientException.create("Unable to unmarshall response"));

        APIGatewayProxyResponseEvent response = handler.handleRequest(get("/cars", params("manufacturer", "BMW")),
                LocalLambdaContext.withRequestId("broken"));

        assertThat(response.getStatusCode()).isEqualTo(500);
    }
}
