package com.carcatalog.local.cli;

import com.carcatalog.local.ingest.IngestCommands;
import java.io.PrintStream;
import picocli.CommandLine.Mixin;

/** Where the running local stack's S3 and Step Functions listen: the options every upload command and executions share. */
final class RunningStack {

    @Mixin
    ServicePorts.S3 s3;

    @Mixin
    ServicePorts.StepFunctions stepFunctions;

    IngestCommands connect(PrintStream out) {
        return IngestCommands.connect(s3.port, stepFunctions.port, out);
    }
}
