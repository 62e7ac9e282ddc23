package com.carcatalog.query.cars;

import com.carcatalog.core.car.Car;
import com.carcatalog.core.car.Column;
import com.carcatalog.query.planner.FilterSet;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A validated {@code GET /cars} request: the filter, the page size and where to continue.
 *
 * <p>Parameters: each of the eight columns (repeatable: values of one column are OR-ed, columns
 * AND-ed), {@code limit} (cars per page, {@value #MIN_LIMIT}..{@value #MAX_LIMIT}, default
 * {@value #DEFAULT_LIMIT}) and {@code nextToken} (from the previous page). Anything else, an empty
 * value, more than {@value #MAX_VALUES} values for one parameter, a value longer than
 * {@value #MAX_VALUE_LENGTH} characters, or one holding a control character or text that is not
 * valid UTF-8 is rejected.
 *
 * @param nextToken the token of the previous page, or {@code null} for the first page
 */
public record CarsRequest(FilterSet filters, int limit, String nextToken) {

    public static final String LIMIT = "limit";
    public static final String NEXT_TOKEN = "nextToken";
    public static final int DEFAULT_LIMIT = 100;
    public static final int MIN_LIMIT = 1;
    public static final int MAX_LIMIT = 1000;
    public static final int MAX_VALUES = 100;
    public static final int MAX_VALUE_LENGTH = 256;
    private static final char REPLACEMENT_CHARACTER = '\uFFFD';

    public CarsRequest {
        Objects.requireNonNull(filters, "filters");
        if (limit < MIN_LIMIT || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit out of range: " + limit);
        }
    }

    public Optional<String> token() {
        return Optional.ofNullable(nextToken);
    }

    /** The parameter names clients may use, for error messages. */
    public static String allowedParameters() {
        return Stream.concat(Column.all().stream().map(Column::attributeName), Stream.of(LIMIT, NEXT_TOKEN))
                .collect(Collectors.joining(", "));
    }

    /**
     * Validates raw query parameters (name to every value given, as API Gateway passes them).
     *
     * @throws InvalidParameterException naming the first parameter that is wrong
     */
    public static CarsRequest parse(Map<String, List<String>> parameters) {
        EnumMap<Column, List<String>> filters = new EnumMap<>(Column.class);
        int limit = DEFAULT_LIMIT;
        String nextToken = null;
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            List<String> values = parameter.getValue() == null ? List.of() : parameter.getValue();
            Optional<Column> column = Column.byName(name);
            if (column.isPresent()) {
                filters.put(column.get(), filterValues(name, values));
            } else if (LIMIT.equals(name)) {
                limit = limit(single(name, values));
            } else if (NEXT_TOKEN.equals(name)) {
                nextToken = single(name, values);
            } else {
                throw new InvalidParameterException(name, "Unknown query parameter '" + abbreviate(name)
                        + "'. Allowed parameters: " + allowedParameters());
            }
        }
        return new CarsRequest(FilterSet.of(filters), limit, nextToken);
    }

    /**
     * Validates the parameters of {@code GET /filters}: the column filters of {@code /cars}, each
     * checked exactly as there; {@code limit}, {@code nextToken} and anything else are unknown.
     *
     * @throws InvalidParameterException naming the first parameter that is wrong
     */
    public static FilterSet parseFilters(Map<String, List<String>> parameters) {
        EnumMap<Column, List<String>> filters = new EnumMap<>(Column.class);
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            Column column = Column.byName(name).orElseThrow(() -> new InvalidParameterException(name,
                    "Unknown query parameter '" + abbreviate(name) + "'. /filters takes the filters of /cars: "
                            + Column.all().stream().map(Column::attributeName).collect(Collectors.joining(", "))));
            filters.put(column, filterValues(name, parameter.getValue() == null ? List.of() : parameter.getValue()));
        }
        return FilterSet.of(filters);
    }

    private static List<String> filterValues(String name, List<String> raw) {
        if (raw.isEmpty()) {
            throw emptyValue(name);
        }
        if (raw.size() > MAX_VALUES) {
            throw new InvalidParameterException(name, "Query parameter '" + name + "' has " + raw.size()
                    + " values; at most " + MAX_VALUES + " are allowed");
        }
        List<String> values = new ArrayList<>(raw.size());
        for (String value : raw) {
            rejectUnreadable(name, value == null ? "" : value);
            String normalized = value == null ? "" : Car.normalize(value);
            if (normalized.isEmpty()) {
                throw emptyValue(name);
            }
            if (normalized.codePointCount(0, normalized.length()) > MAX_VALUE_LENGTH) {
                throw new InvalidParameterException(name, "A value of query parameter '" + name
                        + "' is longer than " + MAX_VALUE_LENGTH + " characters");
            }
            values.add(normalized);
        }
        return values;
    }

    /**
     * No stored car holds a control character (ingestion rejects them) or text that is not valid
     * Unicode, so such a value is a client error rather than a search that finds nothing. U+FFFD
     * counts as invalid: it is what a lenient decoder leaves of bytes that were not UTF-8.
     */
    private static void rejectUnreadable(String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw new InvalidParameterException(name, "A value of query parameter '" + name
                        + "' contains the control character U+" + String.format(Locale.ROOT, "%04X", (int) c));
            }
            boolean pairedSurrogate = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (pairedSurrogate) {
                i++;
            } else if (Character.isSurrogate(c) || c == REPLACEMENT_CHARACTER) {
                throw new InvalidParameterException(name, "A value of query parameter '" + name
                        + "' is not valid UTF-8 text; percent-encode values as UTF-8");
            }
        }
    }

    private static String single(String name, List<String> values) {
        if (values.size() > 1) {
            throw new InvalidParameterException(name, "Query parameter '" + name + "' may be given only once");
        }
        String value = values.isEmpty() || values.get(0) == null ? "" : values.get(0).strip();
        if (value.isEmpty()) {
            throw emptyValue(name);
        }
        return value;
    }

    private static int limit(String value) {
        String problem = "Query parameter 'limit' must be a whole number from " + MIN_LIMIT + " to " + MAX_LIMIT
                + " (default " + DEFAULT_LIMIT + ")";
        if (value.length() > 4 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidParameterException(LIMIT, problem + ", got '" + abbreviate(value) + "'");
        }
        int limit = Integer.parseInt(value);
        if (limit < MIN_LIMIT || limit > MAX_LIMIT) {
            throw new InvalidParameterException(LIMIT, problem + ", got " + limit);
        }
        return limit;
    }

    private static InvalidParameterException emptyValue(String name) {
        return new InvalidParameterException(name, "Query parameter '" + name + "' has an empty value");
    }

    /** A client-given name or value cut to 20 characters, for messages. */
    public static String abbreviate(String value) {
        return value.length() <= 20 ? value : value.substring(0, 20) + "...";
    }
}
