package com.carcatalog.local.cli;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code bin/catalog}'s entry point: the project folder comes from {@code -Dcatalog.root} (the
 * script sets it), the commands are {@link CatalogCommand}'s, and no arguments means {@code start}.
 */
public final class Cli {

    private final CommandContext context;

    public Cli(PrintStream out, PrintStream err, Path root) {
        this.context = new CommandContext(root, out, err);
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("catalog.root", System.getProperty("user.dir"))).toAbsolutePath();
        int status = new Cli(System.out, System.err, root).run(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** @return the exit status: 0, a command's own (start and verify: 1), or 2 for a usage error */
    public int run(String... args) {
        try {
            return CatalogCommand.commandLine(context).execute(args.length == 0 ? new String[] {"start"} : args);
        } finally {
            context.out().flush();
            context.err().flush();
        }
    }
}
