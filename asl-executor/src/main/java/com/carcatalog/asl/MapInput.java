package com.carcatalog.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;

/**
 * A Map state's effective input, read the way both the inline and the Distributed Map read it:
 * the items (ItemsPath), each item through ItemSelector, and the run-time limits that come from
 * {@code *Path} fields.
 */
record MapInput(State.Map map, JsonNode effective, ObjectNode context, Random random) {

    ArrayNode items() {
        JsonNode items = JsonPaths.require(map.itemsPath(), effective, context, "ItemsPath");
        if (!(items instanceof ArrayNode array)) {
            throw new StatesError(StatesError.RUNTIME, "The ItemsPath '" + map.itemsPath()
                    + "' must select an array, got " + Json.write(items));
        }
        return array;
    }

    /** ItemSelector applied to one item, which it sees as {@code $$.Map.Item.Index/Value}. */
    JsonNode select(JsonNode item, int index) {
        if (map.itemSelector() == null) {
            return item;
        }
        ObjectNode itemContext = Json.object();
        itemContext.setAll(context);
        ObjectNode mapItem = itemContext.putObject("Map").putObject("Item");
        mapItem.put("Index", index);
        mapItem.set("Value", item);
        return map.itemSelector().resolve(new DataScope(effective, itemContext, random));
    }

    /** MaxConcurrency, or what MaxConcurrencyPath selects; 0 means no limit. */
    int maxConcurrency() {
        return map.maxConcurrencyPath() != null
                ? nonNegative(map.maxConcurrencyPath(), "MaxConcurrencyPath") : map.maxConcurrency();
    }

    /** A template (ItemReader or ResultWriter Parameters, BatchInput) resolved against the effective input. */
    JsonNode resolve(PayloadTemplate template) {
        return template.resolve(new DataScope(effective, context, random));
    }

    /** The value a {@code *Path} field selects, which must be a non-negative integer. */
    int nonNegative(String path, String field) {
        JsonNode value = require(path, field);
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
            throw new StatesError(StatesError.RUNTIME, field + " must select a non-negative integer, got "
                    + Json.write(value));
        }
        return value.intValue();
    }

    JsonNode require(String path, String field) {
        return JsonPaths.require(path, effective, context, field);
    }
}
