package com.carcatalog.local.coldstart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The jars the build makes for Lambda, found in the checkout: each function module's
 * {@code <module>-<version>-lambda.jar} and the cold-start module's minimal handler jar.
 */
public record LambdaJars(Path queryFunctions, Path ingestWorkflow, Path baseline) {

    public static LambdaJars in(Path root) {
        return new LambdaJars(find(root, "query-functions", "lambda"), find(root, "ingest-workflow", "lambda"),
                find(root, "cold-start", "baseline"));
    }

    private static Path find(Path root, String module, String classifier) {
        Path target = root.resolve(module).resolve("target");
        String suffix = "-" + classifier + ".jar";
        List<Path> jars;
        try (Stream<Path> files = Files.list(target)) {
            jars = files.filter(f -> f.getFileName().toString().startsWith(module + "-") && f.getFileName().toString().endsWith(suffix))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(module + " is not built: mvn -pl local-stack -am package", e);
        }
        if (jars.size() != 1) {
            throw new IllegalStateException("expected one " + module + "-<version>" + suffix + " in " + target + ", found "
                    + jars + ": rebuild (mvn -pl local-stack -am clean package)");
        }
        return jars.get(0);
    }
}
