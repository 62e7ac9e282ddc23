package com.carcatalog.ingest.parse;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.car.Column;
import com.carcatalog.ingest.WorkflowJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chunk file format: JSON Lines, one car per line as an object of its eight normalized column
 * values ({@code {"manufacturer":"BMW","model":"3 Series",...}}). Written by the parse step, read by
 * each WriteChunk task.
 */
public final class ChunkFormat {

    private static final TypeReference<Map<String, String>> OBJECT = new TypeReference<>() {
    };

    private ChunkFormat() {
    }

    public static String line(Car car) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Column column : Column.all()) {
            values.put(column.attributeName(), car.value(column));
        }
        try {
            return WorkflowJson.MAPPER.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String lines(List<Car> cars) {
        StringBuilder text = new StringBuilder();
        cars.forEach(car -> text.append(line(car)).append('\n'));
        return text.toString();
    }

    public static Car car(String line) throws IOException {
        Map<String, String> values = WorkflowJson.MAPPER.readValue(line, OBJECT);
        EnumMap<Column, String> columns = new EnumMap<>(Column.class);
        for (Column column : Column.all()) {
            String value = values.get(column.attributeName());
            if (value == null) {
                throw new IOException("chunk line lacks '" + column.attributeName() + "': " + line);
            }
            columns.put(column, value);
        }
        return new Car(columns);
    }

    public static List<Car> cars(BufferedReader text) throws IOException {
        List<Car> cars = new ArrayList<>();
        for (String line = text.readLine(); line != null; line = text.readLine()) {
            if (!line.isBlank()) {
                cars.add(car(line));
            }
        }
        return cars;
    }
}
