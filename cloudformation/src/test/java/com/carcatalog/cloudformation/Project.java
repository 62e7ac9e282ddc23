package com.carcatalog.cloudformation;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the files the tests compare live in the checkout. */
final class Project {

    private Project() {
    }

    static Path root() {
        Path root = Path.of(System.getProperty("catalog.root", "..")).toAbsolutePath().normalize();
        if (!Files.exists(root.resolve("cloudformation/template.yaml"))) {
            root = Path.of("..").toAbsolutePath().normalize();
        }
        return root;
    }

    static Path template() {
        return root().resolve("cloudformation/template.yaml");
    }

    static Path pipeline() {
        return root().resolve("cloudformation/pipeline.yaml");
    }

    static Path buildspec() {
        return root().resolve("buildspec.yml");
    }

    static Path stateMachine() {
        return root().resolve("statemachine/ingest.asl.json");
    }

    /** The Maven project version, which names the shaded Lambda jars. */
    static String version() {
        String version = System.getProperty("project.version");
        if (version == null || version.isBlank() || version.contains("${")) {
            throw new IllegalStateException("run through Maven: surefire passes project.version");
        }
        return version;
    }

    /** The shaded Lambda jar a module builds: {@code <module>/target/<module>-<version>-lambda.jar}. */
    static Path lambdaJar(String module) {
        return root().resolve(module).resolve("target").resolve(module + "-" + version() + "-lambda.jar");
    }
}
