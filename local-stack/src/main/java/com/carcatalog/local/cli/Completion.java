package com.carcatalog.local.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bin/catalog completion}: bash completion of every command and option, generated from the commands themselves. */
@Command(name = "completion", description = "Print bin/catalog's bash completion script: source <(bin/catalog completion)")
final class Completion implements Callable<Integer> {

    /** The name the script completes; bash also finds it for bin/catalog, by the name after the last slash. */
    static final String COMMAND = "catalog";

    @Spec
    CommandSpec spec;

    private final CommandContext context;

    Completion(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.out().println(AutoComplete.bash(COMMAND, spec.root().commandLine()));
        return 0;
    }
}
