package com.carcatalog.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Supplies the items of a Distributed Map that has an ItemReader. Any exception fails the Map
 * state with {@code States.ItemReaderFailed}. {@link S3ItemReader} implements the S3 readers on
 * top of an {@link ObjectStore}.
 */
@FunctionalInterface
public interface ItemSource {

    List<JsonNode> read(ItemReadRequest request) throws Exception;
}
