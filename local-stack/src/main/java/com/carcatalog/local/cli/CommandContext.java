package com.carcatalog.local.cli;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What every {@code bin/catalog} command runs against: the project folder (test data, Lambda jars,
 * {@code .local-data/}) and where it prints.
 */
public record CommandContext(Path root, PrintStream out, PrintStream err) {
}
