package com.carcatalog.asl;

import java.util.List;

/**
 * An ItemReader's {@code ReaderConfig}, with MaxItemsPath already resolved when an
 * {@link ItemSource} sees it.
 *
 * @param inputType         JSON, JSONL or CSV for {@code s3:getObject}; {@code null} for {@code s3:listObjectsV2}
 * @param csvHeaderLocation FIRST_ROW or GIVEN (CSV only, else {@code null})
 * @param csvHeaders        the column names when the header location is GIVEN, else empty
 * @param csvDelimiter      COMMA, PIPE, SEMICOLON, SPACE or TAB (CSV only, default COMMA)
 * @param maxItems          read at most this many items; {@code null} or 0 means all
 */
public record ReaderConfig(String inputType, String csvHeaderLocation, List<String> csvHeaders,
                           String csvDelimiter, Integer maxItems) {

    public static final ReaderConfig NONE = new ReaderConfig(null, null, List.of(), null, null);

    public ReaderConfig {
        csvHeaders = List.copyOf(csvHeaders);
    }

    public ReaderConfig withMaxItems(Integer newMaxItems) {
        return new ReaderConfig(inputType, csvHeaderLocation, csvHeaders, csvDelimiter, newMaxItems);
    }
}
