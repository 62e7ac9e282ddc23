package com.carcatalog.local.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bin/catalog}: the local stack's commands, one class each. picocli parses and checks every
 * option from their annotations, which also make the help, the usage errors and the shell completion,
 * so what a command accepts is written once.
 */
@Command(name = "bin/catalog", synopsisSubcommandLabel = "COMMAND",
        description = "The car catalog's local stack and its tools. Without a command: start.",
        footer = {"", "bin/catalog help COMMAND lists a command's options. Usage errors exit with status 2."})
public final class CatalogCommand implements Runnable {

    /** Exit status of a command line that cannot be acted on (picocli's, as most tools'). */
    public static final int USAGE_ERROR = CommandLine.ExitCode.USAGE;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    @Spec
    CommandSpec spec;

    /** Every command in the order the help lists them. */
    static List<Object> commands(CommandContext context) {
        return List.of(new Start(context), new Ingest(context), new Remove(context), new Replace(context),
                new Executions(context), new Verify(context), new Snapshot(context), new BenchQuery(context),
                new BenchMemory(context), new BenchIngest(context), new BenchColdStart(context), new BenchSnapshot(context),
                new Completion(context));
    }

    /** The parser and dispatcher of {@code bin/catalog}: run it with {@link CommandLine#execute}. */
    public static CommandLine commandLine(CommandContext context) {
        CommandLine catalog = new CommandLine(new CatalogCommand());
        for (Object command : commands(context)) {
            CommandLine sub = new CommandLine(command);
            sub.getCommandSpec().addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("show this help").build());
            sub.getCommandSpec().usageMessage().sortOptions(false).sortSynopsis(false);
            catalog.addSubcommand(sub);
        }
        catalog.addSubcommand("help", new CommandLine.HelpCommand());
        catalog.setUsageHelpWidth(110);
        catalog.setOut(new PrintWriter(context.out(), true));
        catalog.setErr(new PrintWriter(context.err(), true));
        catalog.setParameterExceptionHandler((error, arguments) -> {
            CommandSpec failed = error.getCommandLine().getCommandSpec();
            String help = failed.parent() == null ? "bin/catalog help lists the commands"
                    : "bin/catalog help " + failed.name() + " lists the options";
            error.getCommandLine().getErr().println(failed.qualifiedName() + ": " + error.getMessage() + " (" + help + ")");
            return failed.exitCodeOnInvalidInput();
        });
        return catalog;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is needed");
    }
}
