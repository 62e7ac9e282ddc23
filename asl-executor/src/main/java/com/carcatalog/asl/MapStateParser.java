package com.carcatalog.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses a Map state: inline (ItemsPath, ItemSelector, ItemProcessor or the legacy Iterator,
 * MaxConcurrency) or Distributed (ProcessorConfig, ItemReader and its ReaderConfig,
 * ItemBatcher, ResultWriter, failure tolerance, Label), refusing Distributed-only fields on an
 * inline Map.
 */
final class MapStateParser {

    private static final Set<String> DISTRIBUTED_ONLY = Set.of("ItemReader", "ItemBatcher", "ResultWriter",
            "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", "ToleratedFailureCount",
            "ToleratedFailureCountPath", "Label");

    private static final String S3_GET_OBJECT = "arn:aws:states:::s3:getObject";
    private static final String S3_LIST_OBJECTS = "arn:aws:states:::s3:listObjectsV2";
    private static final String S3_PUT_OBJECT = "arn:aws:states:::s3:putObject";
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    private MapStateParser() {
    }

    static State.Map map(DefinitionFields f) {
        f.exclusive("ItemProcessor", "Iterator");
        f.exclusive("ItemSelector", "Parameters");
        f.exclusive("MaxConcurrency", "MaxConcurrencyPath");
        String processorField = f.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
        JsonNode processorNode = f.required(processorField);
        boolean distributed = false;
        State.Map.ExecutionType executionType = null;
        if (processorNode.has("ProcessorConfig")) {
            if (processorField.equals("Iterator")) {
                throw f.error("Iterator.ProcessorConfig", "ProcessorConfig belongs in ItemProcessor");
            }
            DefinitionFields config = new DefinitionFields(f.state, "ItemProcessor.ProcessorConfig.",
                    processorNode.get("ProcessorConfig"), Set.of("Mode", "ExecutionType"));
            String mode = config.has("Mode") ? config.string("Mode") : "INLINE";
            if (!mode.equals("INLINE") && !mode.equals("DISTRIBUTED")) {
                throw config.error("Mode", "must be INLINE or DISTRIBUTED, got '" + mode + "'");
            }
            distributed = mode.equals("DISTRIBUTED");
            if (distributed) {
                String type = config.string("ExecutionType");
                try {
                    executionType = State.Map.ExecutionType.valueOf(type);
                } catch (IllegalArgumentException e) {
                    throw config.error("ExecutionType", "must be STANDARD or EXPRESS, got '" + type + "'");
                }
            } else if (config.has("ExecutionType")) {
                throw config.error("ExecutionType", "is only valid when Mode is DISTRIBUTED");
            }
        }
        if (!distributed) {
            for (String field : DISTRIBUTED_ONLY) {
                if (f.has(field)) {
                    throw f.error(field, "is only valid in a Distributed Map (ItemProcessor.ProcessorConfig.Mode "
                            + "DISTRIBUTED)");
                }
            }
        }
        StateGraph processor = StateMachineParser.graph(processorNode, f.state, processorField + ".");
        String selectorField = f.has("ItemSelector") ? "ItemSelector" : "Parameters";
        PayloadTemplate selector = f.has(selectorField) ? f.template(selectorField) : null;
        int maxConcurrency = f.has("MaxConcurrency") ? f.integer("MaxConcurrency", 0) : 0;
        State.Map.Distribution distribution = distributed ? distribution(f, executionType) : null;
        if (distribution != null && distribution.itemReader() != null && f.has("ItemsPath")) {
            throw f.error("ItemsPath", "cannot be combined with ItemReader");
        }
        String itemsPath = f.has("ItemsPath") ? f.optionalPath("ItemsPath") : "$";
        if (itemsPath == null) {
            throw f.error("ItemsPath", "must be a path, not null");
        }
        DataFlow io = StateMachineParser.dataFlow(f, false);
        return new State.Map(f.state, io, itemsPath, selector, processor, maxConcurrency,
                f.optionalPath("MaxConcurrencyPath"), distribution, RetryCatchParser.errorHandling(f),
                StateMachineParser.transition(f));
    }

    private static State.Map.Distribution distribution(DefinitionFields f, State.Map.ExecutionType executionType) {
        f.exclusive("ToleratedFailurePercentage", "ToleratedFailurePercentagePath");
        f.exclusive("ToleratedFailureCount", "ToleratedFailureCountPath");
        Double percentage = null;
        if (f.has("ToleratedFailurePercentage")) {
            JsonNode value = f.required("ToleratedFailurePercentage");
            if (!value.isNumber() || value.doubleValue() < 0 || value.doubleValue() > 100) {
                throw f.error("ToleratedFailurePercentage", "must be a number from 0 to 100");
            }
            percentage = value.doubleValue();
        }
        Integer count = f.has("ToleratedFailureCount") ? f.integer("ToleratedFailureCount", 0) : null;
        String label = f.optionalString("Label");
        if (label != null && !LABEL.matcher(label).matches()) {
            throw f.error("Label", "must be 1 to 40 letters, digits, '-' or '_'");
        }
        return new State.Map.Distribution(executionType, itemReader(f), itemBatcher(f), resultWriter(f),
                percentage, f.optionalPath("ToleratedFailurePercentagePath"), count,
                f.optionalPath("ToleratedFailureCountPath"), label);
    }

    private static State.Map.ItemReader itemReader(DefinitionFields f) {
        if (!f.has("ItemReader")) {
            return null;
        }
        DefinitionFields reader = new DefinitionFields(f.state, "ItemReader.", f.required("ItemReader"),
                Set.of("Resource", "Parameters", "ReaderConfig"));
        String resource = reader.string("Resource");
        if (!resource.equals(S3_GET_OBJECT) && !resource.equals(S3_LIST_OBJECTS)) {
            throw reader.error("Resource", "must be " + S3_GET_OBJECT + " or " + S3_LIST_OBJECTS + ", got '"
                    + resource + "'");
        }
        PayloadTemplate parameters = reader.template("Parameters");
        ReaderConfig config = ReaderConfig.NONE;
        String maxItemsPath = null;
        if (reader.has("ReaderConfig")) {
            DefinitionFields rc = new DefinitionFields(f.state, "ItemReader.ReaderConfig.", reader.required("ReaderConfig"),
                    Set.of("InputType", "CSVHeaderLocation", "CSVHeaders", "CSVDelimiter", "MaxItems", "MaxItemsPath"));
            rc.exclusive("MaxItems", "MaxItemsPath");
            String inputType = rc.optionalString("InputType");
            if (resource.equals(S3_LIST_OBJECTS) && inputType != null) {
                throw rc.error("InputType", "is not used with " + S3_LIST_OBJECTS);
            }
            if (inputType != null && !Set.of("JSON", "JSONL", "CSV").contains(inputType)) {
                throw rc.error("InputType", "'" + inputType + "' is not supported by this executor (JSON, JSONL "
                        + "and CSV are)");
            }
            String headerLocation = rc.optionalString("CSVHeaderLocation");
            List<String> headers = List.of();
            String delimiter = rc.optionalString("CSVDelimiter");
            if ("CSV".equals(inputType)) {
                if (headerLocation == null) {
                    throw rc.error("CSVHeaderLocation", "is required for CSV input (FIRST_ROW or GIVEN)");
                }
                if (!headerLocation.equals("FIRST_ROW") && !headerLocation.equals("GIVEN")) {
                    throw rc.error("CSVHeaderLocation", "must be FIRST_ROW or GIVEN");
                }
                if (headerLocation.equals("GIVEN")) {
                    headers = rc.stringList("CSVHeaders");
                } else if (rc.has("CSVHeaders")) {
                    throw rc.error("CSVHeaders", "is only used when CSVHeaderLocation is GIVEN");
                }
                if (delimiter != null && !Set.of("COMMA", "PIPE", "SEMICOLON", "SPACE", "TAB").contains(delimiter)) {
                    throw rc.error("CSVDelimiter", "must be COMMA, PIPE, SEMICOLON, SPACE or TAB");
                }
            } else {
                for (String csvOnly : List.of("CSVHeaderLocation", "CSVHeaders", "CSVDelimiter")) {
                    if (rc.has(csvOnly)) {
                        throw rc.error(csvOnly, "is only used when InputType is CSV");
                    }
                }
            }
            Integer maxItems = rc.has("MaxItems") ? rc.integer("MaxItems", 0) : null;
            maxItemsPath = rc.optionalPath("MaxItemsPath");
            config = new ReaderConfig(inputType, headerLocation, headers, delimiter, maxItems);
        }
        if (resource.equals(S3_GET_OBJECT) && config.inputType() == null) {
            throw reader.error("ReaderConfig.InputType", "is required with " + S3_GET_OBJECT + " (JSON, JSONL or CSV)");
        }
        return new State.Map.ItemReader(resource, parameters, config, maxItemsPath);
    }

    private static State.Map.ItemBatcher itemBatcher(DefinitionFields f) {
        if (!f.has("ItemBatcher")) {
            return null;
        }
        DefinitionFields batcher = new DefinitionFields(f.state, "ItemBatcher.", f.required("ItemBatcher"), Set.of("MaxItemsPerBatch",
                "MaxItemsPerBatchPath", "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath", "BatchInput"));
        batcher.exclusive("MaxItemsPerBatch", "MaxItemsPerBatchPath");
        batcher.exclusive("MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath");
        if (batcher.count("MaxItemsPerBatch", "MaxItemsPerBatchPath", "MaxInputBytesPerBatch",
                "MaxInputBytesPerBatchPath") == 0) {
            throw batcher.error(null, "needs MaxItemsPerBatch or MaxInputBytesPerBatch (or their *Path form)");
        }
        return new State.Map.ItemBatcher(
                batcher.has("MaxItemsPerBatch") ? batcher.integer("MaxItemsPerBatch", 1) : null,
                batcher.optionalPath("MaxItemsPerBatchPath"),
                batcher.has("MaxInputBytesPerBatch") ? batcher.integer("MaxInputBytesPerBatch", 1) : null,
                batcher.optionalPath("MaxInputBytesPerBatchPath"),
                batcher.has("BatchInput") ? batcher.template("BatchInput") : null);
    }

    private static State.Map.ResultWriter resultWriter(DefinitionFields f) {
        if (!f.has("ResultWriter")) {
            return null;
        }
        DefinitionFields writer = new DefinitionFields(f.state, "ResultWriter.", f.required("ResultWriter"),
                Set.of("Resource", "Parameters"));
        String resource = writer.string("Resource");
        if (!resource.equals(S3_PUT_OBJECT)) {
            throw writer.error("Resource", "must be " + S3_PUT_OBJECT + ", got '" + resource + "'");
        }
        return new State.Map.ResultWriter(resource, writer.template("Parameters"));
    }
}
