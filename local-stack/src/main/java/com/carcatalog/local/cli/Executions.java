package com.carcatalog.local.cli;

import com.carcatalog.local.ingest.IngestCommands;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bin/catalog executions}. */
@Command(name = "executions", description = "List the ingestion executions of the running stack with status and counts.")
final class Executions implements Callable<Integer> {

    @Mixin
    RunningStack stack;

    private final CommandContext context;

    Executions(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (IngestCommands commands = stack.connect(context.out())) {
            commands.list();
        }
        return 0;
    }
}
