package com.carcatalog.local.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carcatalog.asl.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.sfn.model.CreateStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** The AWS JSON 1.0 protocol, the state machine actions and the service's errors, through the SDK and raw HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StepFunctionsEndpointIT {

    private static final String ROLE = "arn:aws:iam::000000000000:role/catalog";
    private static final String HELLO = """
            {"StartAt": "Hello", "States": {"Hello": {"Type": "Pass", "Result": "hello", "End": true}}}""";

    private final HttpClient http = HttpClient.newHttpClient();
    private StepFunctionsFixture fixture;

    @BeforeAll
    void start() {
        fixture = new StepFunctionsFixture(null);
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    private HttpResponse<String> post(String target, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fixture.stepFunctions.endpoint() + "/"))
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            request.header("X-Amz-Target", target);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void responsesAreAwsJson10WithDatesAsEpochSeconds() throws Exception {
        HttpResponse<String> response = post("AWSStepFunctions.DescribeStateMachine",
                "{\"stateMachineArn\": \"" + fixture.catalogArn + "\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        JsonNode body = Json.parse(response.body());
        assertThat(body.get("creationDate").isNumber()).isTrue();
        assertThat(body.get("creationDate").asDouble()).isGreaterThan(1.7e9);
        assertThat(body.get("type").textValue()).isEqualTo("STANDARD");
        assertThat(body.get("status").textValue()).isEqualTo("ACTIVE");
    }

    @Test
    void anUnknownActionIsUnknownOperationException() throws Exception {
        HttpResponse<String> response = post("AWSStepFunctions.SendTaskSuccess", "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.parse(response.body()).get("__type").textValue()).endsWith("#UnknownOperationException");
        assertThat(post(null, "{}").statusCode()).isEqualTo(400);
    }

    @Test
    void aBodyThatIsNotJsonIsSerializationException() throws Exception {
        HttpResponse<String> response = post("AWSStepFunctions.ListStateMachines", "{not json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.parse(response.body()).get("__type").textValue()).endsWith("#SerializationException");
    }

    @Test
    void errorsCarryTheServiceTypeAndAMessage() throws Exception {
        HttpResponse<String> response = post("AWSStepFunctions.DescribeExecution",
                "{\"executionArn\": \"arn:aws:states:us-east-1:000000000000:execution:catalog:nope\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = Json.parse(response.body());
        assertThat(error.get("__type").textValue()).isEqualTo("com.amazonaws.swf.service.v2.model#ExecutionDoesNotExist");
        assertThat(error.get("message").textValue())
                .isEqualTo("Execution Does Not Exist: 'arn:aws:states:us-east-1:000000000000:execution:catalog:nope'");
    }

    @Test
    void anUnknownExecutionIsExecutionDoesNotExist() {
        assertThatThrownBy(() -> fixture.sfn.describeExecution(describe -> describe
                .executionArn("arn:aws:states:us-east-1:000000000000:execution:catalog:never-started")))
                .isInstanceOf(ExecutionDoesNotExistException.class);
    }

    @Test
    void startingAnUnknownStateMachineIsStateMachineDoesNotExist() {
        assertThatThrownBy(() -> fixture.start("arn:aws:states:us-east-1:000000000000:stateMachine:missing", "x", "{}"))
                .isInstanceOf(StateMachineDoesNotExistException.class);
    }

    @Test
    void namesWithForbiddenCharactersAreInvalidNameAndLongOnesAValidationError() {
        assertThatThrownBy(() -> fixture.start(fixture.catalogArn, "cars upload", "{}"))
                .isInstanceOf(InvalidNameException.class);
        assertThatThrownBy(() -> fixture.start(fixture.catalogArn, "incoming/cars.csv", "{}"))
                .isInstanceOf(InvalidNameException.class);
        assertThatThrownBy(() -> fixture.start(fixture.catalogArn, "x".repeat(81), "{}"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Member must have length less than or equal to 80");
    }

    @Test
    void malformedOrMisplacedArnsAreInvalidArn() {
        assertThatThrownBy(() -> fixture.sfn.describeExecution(describe -> describe.executionArn("not-an-arn")))
                .isInstanceOf(InvalidArnException.class);
        assertThatThrownBy(() -> fixture.start(
                "arn:aws:states:us-east-1:000000000000:execution:catalog:load-cars", "x", "{}"))
                .isInstanceOf(InvalidArnException.class);
    }

    @Test
    void inputThatIsNotJsonIsInvalidExecutionInput() {
        assertThatThrownBy(() -> fixture.start(fixture.catalogArn, "bad-input", "{\"bucket\": "))
                .isInstanceOf(InvalidExecutionInputException.class);
    }

    @Test
    void pageSizesAndTokensAreChecked() {
        assertThatThrownBy(() -> fixture.sfn.listExecutions(list -> list.stateMachineArn(fixture.catalogArn)
                .maxResults(1001)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> fixture.sfn.listExecutions(list -> list.stateMachineArn(fixture.catalogArn)
                .nextToken("bm90IGEgdG9rZW4")))
                .isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> fixture.sfn.listExecutions(list -> list.maxResults(10)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void aStateMachineCreatedThroughTheApiIsDescribedListedAndRuns() throws Exception {
        CreateStateMachineResponse created = fixture.sfn.createStateMachine(create -> create.name("hello")
                .definition(HELLO).roleArn(ROLE));
        DescribeStateMachineResponse described = fixture.sfn.describeStateMachine(describe -> describe
                .stateMachineArn(created.stateMachineArn()));
        String executionArn = fixture.start(created.stateMachineArn(), "greet", "{}");

        assertThat(created.stateMachineArn()).isEqualTo("arn:aws:states:us-east-1:000000000000:stateMachine:hello");
        assertThat(described.definition()).isEqualTo(HELLO);
        assertThat(described.roleArn()).isEqualTo(ROLE);
        assertThat(described.type()).isEqualTo(StateMachineType.STANDARD);
        assertThat(described.creationDate()).isEqualTo(created.creationDate());
        assertThat(fixture.sfn.listStateMachines(list -> list.maxResults(1000)).stateMachines())
                .extracting(StateMachineListItem::name).contains("catalog", "fragile", "slow", "hello");
        assertThat(fixture.awaitEnd(executionArn).output()).isEqualTo("\"hello\"");
    }

    @Test
    void creatingAgainIsIdempotentOnlyForTheSameDefinition() {
        String first = fixture.sfn.createStateMachine(create -> create.name("twice").definition(HELLO).roleArn(ROLE))
                .stateMachineArn();
        String second = fixture.sfn.createStateMachine(create -> create.name("twice").definition(HELLO).roleArn(ROLE))
                .stateMachineArn();

        assertThat(second).isEqualTo(first);
        assertThatThrownBy(() -> fixture.sfn.createStateMachine(create -> create.name("twice")
                .definition(HELLO.replace("hello", "bye")).roleArn(ROLE)))
                .isInstanceOf(StateMachineAlreadyExistsException.class);
    }

    @Test
    void anInvalidDefinitionIsInvalidDefinitionNamingTheProblem() {
        assertThatThrownBy(() -> fixture.sfn.createStateMachine(create -> create.name("broken")
                .definition(HELLO.replace("\"StartAt\": \"Hello\"", "\"StartAt\": \"Missing\"")).roleArn(ROLE)))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("Missing");
    }

    @Test
    void aStateMachineCanBeUpdatedAndDeleted() {
        String arn = fixture.sfn.createStateMachine(create -> create.name("changing").definition(HELLO).roleArn(ROLE))
                .stateMachineArn();
        String bye = HELLO.replace("hello", "bye");

        fixture.sfn.updateStateMachine(update -> update.stateMachineArn(arn).definition(bye));
        assertThat(fixture.sfn.describeStateMachine(describe -> describe.stateMachineArn(arn)).definition())
                .isEqualTo(bye);
        fixture.sfn.deleteStateMachine(delete -> delete.stateMachineArn(arn));
        assertThatThrownBy(() -> fixture.sfn.describeStateMachine(describe -> describe.stateMachineArn(arn)))
                .isInstanceOf(StateMachineDoesNotExistException.class);
    }

    @Test
    void theEndpointListsTheActionsItImplements() {
        assertThat(fixture.stepFunctions.actions()).contains("CreateStateMachine", "DescribeStateMachine",
                "ListStateMachines", "StartExecution", "DescribeExecution", "ListExecutions", "GetExecutionHistory",
                "StopExecution", "RedriveExecution", "DescribeMapRun", "ListMapRuns");
    }
}
