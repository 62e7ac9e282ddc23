package com.carcatalog.cloudformation;

import com.carcatalog.core.iam.AwsPermission;
import com.carcatalog.ingest.handler.IngestFunctions;
import com.carcatalog.query.api.CarsHandler;
import com.carcatalog.query.api.FiltersHandler;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AWS calls each handler declares next to its code ({@code PERMISSIONS}, a list of
 * {@link AwsPermission}), by handler class name.
 */
final class DeclaredPermissions {

    private DeclaredPermissions() {
    }

    /** Handler class name → its declared calls, for every Lambda handler of the project. */
    static Map<String, List<AwsPermission>> byHandler() {
        Map<String, List<AwsPermission>> calls = new LinkedHashMap<>();
        calls.put(CarsHandler.class.getName(), CarsHandler.PERMISSIONS);
        calls.put(FiltersHandler.class.getName(), FiltersHandler.PERMISSIONS);
        for (IngestFunctions function : IngestFunctions.values()) {
            calls.put(function.handler().getName(), ingest(function.handler()));
        }
        return calls;
    }

    private static List<AwsPermission> ingest(Class<?> handler) {
        try {
            Field field = handler.getField("PERMISSIONS");
            if (!Modifier.isStatic(field.getModifiers())) {
                throw new AssertionError(handler.getName() + ".PERMISSIONS must be static");
            }
            List<?> permissions = (List<?>) field.get(null);
            return permissions.stream()
                    .map(AwsPermission.class::cast)
                    .toList();
        } catch (NoSuchFieldException e) {
            throw new AssertionError(handler.getName() + " declares no PERMISSIONS: list the AWS calls its code makes"
                    + " (AwsPermission) so the template's role can be checked against them");
        } catch (IllegalAccessException e) {
            throw new AssertionError(handler.getName() + ".PERMISSIONS must be public", e);
        }
    }
}
