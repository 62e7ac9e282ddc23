package com.carcatalog.ingest.catalog;

/**
 * One value whose filter-table count is not the number of cars that have it.
 *
 * @param stored what the filter table says (0 when it does not list the value)
 * @param actual how many stored cars have the value
 */
public record CountDifference(String column, String value, long stored, long actual) {

    @Override
    public String toString() {
        if (actual == 0) {
            return column + "=" + value + ": the filter table lists it (count " + stored + ") but no car has it";
        }
        return column + "=" + value + ": filter table " + stored + ", cars table " + actual;
    }
}
