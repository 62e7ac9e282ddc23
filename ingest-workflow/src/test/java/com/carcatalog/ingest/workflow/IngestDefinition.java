package com.carcatalog.ingest.workflow;

import com.carcatalog.ingest.WorkflowJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code statemachine/ingest.asl.json}, read the way CloudFormation does: text substitution, then JSON. */
final class IngestDefinition {

    static final Set<String> PLACEHOLDERS = Set.of("ValidateUploadFunctionArn", "ParseUploadFunctionArn",
            "PlanChangesFunctionArn", "WriteChunkFunctionArn",
            "AggregateFiltersFunctionArn", "PublishSnapshotFunctionArn", "FinishLoadFunctionArn", "SourceBucket", "WriteConcurrency");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

    private IngestDefinition() {
    }

    static String text() {
        Path root = Path.of(System.getProperty("catalog.root", ".."));
        Path file = root.resolve("statemachine/ingest.asl.json");
        if (!Files.exists(file)) {
            file = Path.of("../statemachine/ingest.asl.json");
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    static JsonNode substituted(Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text());
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for ${" + matcher.group(1) + "}");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        try {
            return WorkflowJson.MAPPER.readTree(out.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
