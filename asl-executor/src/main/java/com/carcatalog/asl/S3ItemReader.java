package com.carcatalog.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The S3 ItemReaders of a Distributed Map over an {@link ObjectStore}:
 * {@code s3:getObject} reads a JSON array, JSON Lines, or CSV (every row an object of strings
 * keyed by the header); {@code s3:listObjectsV2} yields one
 * {@code {"Etag", "Key", "LastModified", "Size", "StorageClass"}} item per object.
 */
public final class S3ItemReader implements ItemSource {

    private static final Map<String, Character> DELIMITERS = Map.of("COMMA", ',', "PIPE", '|',
            "SEMICOLON", ';', "SPACE", ' ', "TAB", '\t');

    private final ObjectStore store;

    public S3ItemReader(ObjectStore store) {
        this.store = store;
    }

    @Override
    public List<JsonNode> read(ItemReadRequest request) throws IOException {
        JsonNode parameters = request.parameters();
        String bucket = requiredString(parameters, "Bucket");
        List<JsonNode> items = switch (request.resource()) {
            case "arn:aws:states:::s3:getObject" -> getObject(bucket, requiredString(parameters, "Key"),
                    request.readerConfig());
            case "arn:aws:states:::s3:listObjectsV2" -> listObjects(bucket, parameters.path("Prefix").asText(""));
            default -> throw new IllegalArgumentException("S3ItemReader cannot read '" + request.resource() + "'");
        };
        Integer maxItems = request.readerConfig().maxItems();
        return maxItems == null || maxItems == 0 || items.size() <= maxItems ? items : items.subList(0, maxItems);
    }

    private List<JsonNode> getObject(String bucket, String key, ReaderConfig config) throws IOException {
        String text = new String(store.getObject(bucket, key), StandardCharsets.UTF_8);
        return switch (config.inputType()) {
            case "JSON" -> {
                JsonNode document = Json.parse(text);
                if (!document.isArray()) {
                    throw new IllegalArgumentException("s3://" + bucket + "/" + key + " is not a JSON array");
                }
                List<JsonNode> items = new ArrayList<>();
                document.forEach(items::add);
                yield items;
            }
            case "JSONL" -> {
                List<JsonNode> items = new ArrayList<>();
                for (String line : text.split("\r?\n")) {
                    if (!line.isBlank()) {
                        items.add(Json.parse(line));
                    }
                }
                yield items;
            }
            case "CSV" -> csv(text, config, "s3://" + bucket + "/" + key);
            default -> throw new IllegalArgumentException("unsupported InputType " + config.inputType());
        };
    }

    private static List<JsonNode> csv(String text, ReaderConfig config, String location) {
        char delimiter = DELIMITERS.get(config.csvDelimiter() == null ? "COMMA" : config.csvDelimiter());
        List<List<String>> rows = CsvRows.parse(text, delimiter);
        List<String> header;
        int first;
        if ("GIVEN".equals(config.csvHeaderLocation())) {
            header = config.csvHeaders();
            first = 0;
        } else {
            if (rows.isEmpty()) {
                throw new IllegalArgumentException(location + " has no header row");
            }
            header = rows.get(0);
            first = 1;
        }
        List<JsonNode> items = new ArrayList<>();
        for (int r = first; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() != header.size()) {
                throw new IllegalArgumentException(location + " row " + (r + 1) + " has " + row.size()
                        + " fields but the header has " + header.size());
            }
            ObjectNode item = Json.object();
            for (int c = 0; c < header.size(); c++) {
                item.put(header.get(c), row.get(c));
            }
            items.add(item);
        }
        return items;
    }

    private List<JsonNode> listObjects(String bucket, String prefix) throws IOException {
        List<JsonNode> items = new ArrayList<>();
        for (ObjectStore.ObjectSummary summary : store.listObjects(bucket, prefix)) {
            ObjectNode item = Json.object();
            item.put("Etag", summary.etag());
            item.put("Key", summary.key());
            item.put("LastModified", summary.lastModified().getEpochSecond());
            item.put("Size", summary.size());
            item.put("StorageClass", summary.storageClass());
            items.add(item);
        }
        return items;
    }

    private static String requiredString(JsonNode parameters, String name) {
        JsonNode value = parameters.get(name);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("the ItemReader Parameters need a " + name + " string");
        }
        return value.textValue();
    }
}
