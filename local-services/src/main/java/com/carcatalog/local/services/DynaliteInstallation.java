package com.carcatalog.local.services;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the patched dynalite lives: {@code <checkout root>/local-services/node}. The build installs it
 * there with {@code npm ci}; every module finds it through the checkout root rather than its own copy,
 * so the whole project runs the one patched version.
 */
public record DynaliteInstallation(Path nodeDirectory) {

    /** The node project inside the checkout, relative to its root. */
    static final Path NODE_DIRECTORY = Path.of("local-services", "node");

    private static final Path CLI = Path.of("node_modules", "dynalite", "cli.js");

    public DynaliteInstallation {
        Objects.requireNonNull(nodeDirectory, "nodeDirectory");
    }

    /** The script that starts the dynalite server. */
    public Path cliScript() {
        return nodeDirectory.resolve(CLI);
    }

    /**
     * Preloaded into dynalite's node process so that it exits when the JVM that started it dies,
     * even on {@code kill -9}, where shutdown hooks never run.
     */
    public Path exitWithParentScript() {
        return nodeDirectory.resolve("exit-with-parent.js");
    }

    /**
     * Finds the installation from the {@code catalog.root} system property (set by the build for
     * tests), else by walking up from the working directory.
     *
     * @throws DynaliteNotInstalledException if dynalite is not installed where it should be
     */
    public static DynaliteInstallation locate() {
        String catalogRoot = System.getProperty("catalog.root");
        return locate(
                catalogRoot == null || catalogRoot.isBlank() ? null : Path.of(catalogRoot),
                Path.of(System.getProperty("user.dir")));
    }

    static DynaliteInstallation locate(Path catalogRoot, Path workingDirectory) {
        if (catalogRoot != null) {
            Path nodeDirectory = catalogRoot.toAbsolutePath().normalize().resolve(NODE_DIRECTORY);
            if (Files.isRegularFile(nodeDirectory.resolve(CLI))) {
                return new DynaliteInstallation(nodeDirectory);
            }
            throw notInstalled("catalog.root is " + catalogRoot + " but " + nodeDirectory.resolve(CLI)
                    + " does not exist");
        }
        Path start = workingDirectory.toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path nodeDirectory = dir.resolve(NODE_DIRECTORY);
            if (Files.isRegularFile(nodeDirectory.resolve(CLI))) {
                return new DynaliteInstallation(nodeDirectory);
            }
        }
        throw notInstalled("no " + NODE_DIRECTORY.resolve(CLI) + " in " + start + " or any directory above it");
    }

    private static DynaliteNotInstalledException notInstalled(String where) {
        return new DynaliteNotInstalledException("dynalite is not installed: " + where + ". Install it with"
                + " `mvn -pl local-services generate-resources` from the checkout root, or `npm ci` in "
                + NODE_DIRECTORY + "; or set -Dcatalog.root to the checkout root.");
    }
}
