package com.carcatalog.asl;

import static com.carcatalog.asl.Harness.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IntrinsicFunctionsTest {

    private static final JsonNode INPUT = json("""
            {"name": "Arnav", "template": "Hello, {}!", "numbers": [1, 2, 3, 4, 5], "dupes": [1, 1, "a", "a", 2],
             "escaped": "{\\"foo\\": \\"bar\\"}", "object": {"foo": "bar"}, "csv": "a,b;c", "n": 7}""");

    private static JsonNode eval(String invocation) {
        return IntrinsicFunctions.evaluate(IntrinsicParser.parse(invocation),
                new DataScope(INPUT, json("{\"State\": {\"Name\": \"S\"}}"), new Random(42)));
    }

    private static void assertFails(String invocation, String problem) {
        assertThatThrownBy(() -> eval(invocation))
                .isInstanceOfSatisfying(StatesError.class, e -> {
                    assertThat(e.error()).isEqualTo(StatesError.INTRINSIC_FAILURE);
                    assertThat(e.errorCause()).contains(problem);
                });
    }

    @Test
    void formatReplacesPlaceholdersInOrder() {
        assertThat(eval("States.Format('Hello, my name is {} ({}).', $.name, $.n)").textValue())
                .isEqualTo("Hello, my name is Arnav (7).");
    }

    @Test
    void formatTakesItsTemplateFromAPath() {
        assertThat(eval("States.Format($.template, $.name)").textValue()).isEqualTo("Hello, Arnav!");
    }

    @Test
    void formatKeepsEscapedBracesAndQuotes() {
        assertThat(eval("States.Format('\\{literal\\} it\\'s {}', $.name)").textValue())
                .isEqualTo("{literal} it's Arnav");
    }

    @Test
    void formatWithTooFewArgumentsFails() {
        assertFails("States.Format('{} and {}', $.name)", "placeholders");
    }

    @Test
    void formatRefusesAnObjectArgument() {
        assertFails("States.Format('{}', $.object)", "must be strings, numbers, booleans or null");
    }

    @Test
    void stringToJsonParsesAnEscapedString() {
        assertThat(eval("States.StringToJson($.escaped)")).isEqualTo(json("{\"foo\": \"bar\"}"));
    }

    @Test
    void stringToJsonRefusesInvalidJson() {
        assertFails("States.StringToJson($.name)", "not valid JSON");
    }

    @Test
    void jsonToStringSerialisesAValue() {
        assertThat(eval("States.JsonToString($.object)").textValue()).isEqualTo("{\"foo\":\"bar\"}");
    }

    @Test
    void arrayCollectsItsArguments() {
        assertThat(eval("States.Array('a', 1, true, null, $.n)")).isEqualTo(json("[\"a\", 1, true, null, 7]"));
    }

    @Test
    void arrayPartitionChunksWithASmallerLastChunk() {
        assertThat(eval("States.ArrayPartition($.numbers, 2)")).isEqualTo(json("[[1, 2], [3, 4], [5]]"));
    }

    @Test
    void arrayPartitionRefusesAZeroChunkSize() {
        assertFails("States.ArrayPartition($.numbers, 0)", "chunk size");
    }

    @Test
    void arrayContainsFindsAValue() {
        assertThat(eval("States.ArrayContains($.numbers, 3)").booleanValue()).isTrue();
        assertThat(eval("States.ArrayContains($.numbers, 9)").booleanValue()).isFalse();
    }

    @Test
    void arrayContainsRefusesANonArray() {
        assertFails("States.ArrayContains($.name, 'A')", "must be an array");
    }

    @Test
    void arrayRangeIncludesBothEnds() {
        assertThat(eval("States.ArrayRange(1, 9, 2)")).isEqualTo(json("[1, 3, 5, 7, 9]"));
    }

    @Test
    void arrayRangeCountsDownWithANegativeStep() {
        assertThat(eval("States.ArrayRange(3, 1, -1)")).isEqualTo(json("[3, 2, 1]"));
    }

    @Test
    void arrayRangeRefusesMoreThanAThousandItems() {
        assertFails("States.ArrayRange(1, 2000, 1)", "more than 1000");
    }

    @Test
    void arrayGetItemReadsAnIndex() {
        assertThat(eval("States.ArrayGetItem($.numbers, 1)").intValue()).isEqualTo(2);
    }

    @Test
    void arrayGetItemRefusesAnIndexOutOfRange() {
        assertFails("States.ArrayGetItem($.numbers, 5)", "outside an array of 5");
    }

    @Test
    void arrayLengthCountsItems() {
        assertThat(eval("States.ArrayLength($.numbers)").intValue()).isEqualTo(5);
    }

    @Test
    void arrayUniqueKeepsFirstOccurrences() {
        assertThat(eval("States.ArrayUnique($.dupes)")).isEqualTo(json("[1, \"a\", 2]"));
    }

    @Test
    void base64RoundTrips() {
        assertThat(eval("States.Base64Encode('Data to encode')").textValue()).isEqualTo("RGF0YSB0byBlbmNvZGU=");
        assertThat(eval("States.Base64Decode('RGF0YSB0byBlbmNvZGU=')").textValue()).isEqualTo("Data to encode");
    }

    @Test
    void base64DecodeRefusesInvalidInput() {
        assertFails("States.Base64Decode('not base64!')", "not valid Base64");
    }

    @Test
    void hashComputesHexDigests() {
        assertThat(eval("States.Hash('input data', 'SHA-1')").textValue())
                .isEqualTo("aaff4a450a104cd177d28d18d74485e8cae074b7");
        assertThat(eval("States.Hash('', 'MD5')").textValue()).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
    }

    @Test
    void hashRefusesAnUnknownAlgorithm() {
        assertFails("States.Hash('x', 'CRC32')", "algorithm must be one of");
    }

    @Test
    void jsonMergeIsShallowWithTheSecondWinning() {
        assertThat(eval("States.JsonMerge($.object, States.StringToJson('{\"foo\": 1, \"x\": 2}'), false)"))
                .isEqualTo(json("{\"foo\": 1, \"x\": 2}"));
    }

    @Test
    void jsonMergeRefusesDeepMerging() {
        assertFails("States.JsonMerge($.object, $.object, true)", "only shallow merging");
    }

    @Test
    void mathRandomStaysInRangeAndRepeatsWithASeed() {
        int value = eval("States.MathRandom(1, 10)").intValue();
        assertThat(value).isBetween(1, 9);
        assertThat(eval("States.MathRandom(1, 1000, 5)")).isEqualTo(eval("States.MathRandom(1, 1000, 5)"));
    }

    @Test
    void mathRandomRefusesAnEmptyRange() {
        assertFails("States.MathRandom(5, 5)", "must be less than");
    }

    @Test
    void mathAddAddsIntegers() {
        assertThat(eval("States.MathAdd($.n, -10)").intValue()).isEqualTo(-3);
    }

    @Test
    void mathAddRefusesFractions() {
        assertFails("States.MathAdd(1.5, 1)", "32-bit integer");
    }

    @Test
    void stringSplitSplitsOnEveryDelimiterCharacter() {
        assertThat(eval("States.StringSplit($.csv, ',;')")).isEqualTo(json("[\"a\", \"b\", \"c\"]"));
    }

    @Test
    void stringSplitRefusesANonString() {
        assertFails("States.StringSplit($.n, ',')", "must be a string");
    }

    @Test
    void uuidIsAVersionFourUuid() {
        assertThat(eval("States.UUID()").textValue())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void callsNestAndReadTheContextObject() {
        assertThat(eval("States.Format('{}-{}', States.ArrayGetItem(States.StringSplit('x.y', '.'), 1), $$.State.Name)")
                .textValue()).isEqualTo("y-S");
    }

    @Test
    void nullLiteralIsAValue() {
        assertThat(eval("States.ArrayGetItem(States.Array(null), 0)")).isEqualTo(NullNode.instance);
    }

    @Test
    void missingPathArgumentFails() {
        assertFails("States.ArrayLength($.nothing)", "could not be found");
    }

    @Test
    void unknownFunctionIsASyntaxError() {
        assertThatThrownBy(() -> IntrinsicParser.parse("States.Nope(1)"))
                .hasMessageContaining("unknown intrinsic function 'States.Nope'");
    }

    @Test
    void wrongArgumentCountIsASyntaxError() {
        assertThatThrownBy(() -> IntrinsicParser.parse("States.ArrayLength($.a, $.b)"))
                .hasMessageContaining("takes 1 argument(s), got 2");
    }

    @Test
    void openEscapeIsASyntaxError() {
        assertThatThrownBy(() -> IntrinsicParser.parse("States.Format('bad \\n')"))
                .hasMessageContaining("is not an escape");
    }

    @Test
    void unterminatedStringIsASyntaxError() {
        assertThatThrownBy(() -> IntrinsicParser.parse("States.Format('open)"))
                .hasMessageContaining("unterminated string");
    }

    @Test
    void aBadIntrinsicFailsTheStateWithIntrinsicFailure() throws Exception {
        try (Harness harness = new Harness()) {
            ExecutionRecord record = harness.run("""
                    {"StartAt": "P", "States": {"P": {"Type": "Pass",
                      "Parameters": {"item.$": "States.ArrayGetItem($.list, 3)"}, "End": true}}}""",
                    "{\"list\": [1]}");

            assertThat(record.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(record.error()).isEqualTo(StatesError.INTRINSIC_FAILURE);
            assertThat(record.cause()).contains("States.ArrayGetItem");
        }
    }
}
