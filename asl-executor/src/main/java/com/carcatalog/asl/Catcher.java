package com.carcatalog.asl;

import java.util.List;

/**
 * One entry of a state's {@code Catch} array: errors it handles, the state to go to, and where
 * the {@code {"Error", "Cause"}} object goes in the state input ({@code resultPath} {@code null}
 * means the error output is discarded and the input passes on unchanged).
 */
public record Catcher(List<String> errorEquals, String next, ReferencePath resultPath) {

    public Catcher {
        errorEquals = List.copyOf(errorEquals);
    }

    public boolean handles(StatesError error) {
        return errorEquals.stream().anyMatch(error::matches);
    }
}
