package com.carcatalog.ingest.upload;

/**
 * What a full pass over a CSV's bytes learnt: the text is UTF-8, its first line (the header, BOM
 * and CR removed) and how many later lines hold anything but white space.
 */
public record TextScan(String firstLine, long dataLines) {
}
