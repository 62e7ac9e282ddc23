package com.carcatalog.local.cli;

import com.carcatalog.local.LocalStackSettings;
import com.carcatalog.local.ingest.IngestCommands;
import java.io.PrintStream;
import picocli.CommandLine.Option;

/** Where the running local stack's S3 and Step Functions listen: the options every upload command and executions share. */
final class RunningStack {

    @Option(names = "--s3-port", paramLabel = "N", converter = OptionValues.Port.class,
            description = "the running stack's s3proxy (default: ${DEFAULT-VALUE})")
    int s3Port = LocalStackSettings.Ports.DEFAULTS.s3();

    @Option(names = "--stepfunctions-port", paramLabel = "N", converter = OptionValues.Port.class,
            description = "the running stack's Step Functions endpoint (default: ${DEFAULT-VALUE})")
    int stepFunctionsPort = LocalStackSettings.Ports.DEFAULTS.stepFunctions();

    IngestCommands connect(PrintStream out) {
        return IngestCommands.connect(s3Port, stepFunctionsPort, out);
    }
}
