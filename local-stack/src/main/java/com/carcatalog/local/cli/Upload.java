package com.carcatalog.local.cli;

import com.carcatalog.ingest.UploadKeys;
import com.carcatalog.local.ingest.IngestCommands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What {@code ingest}, {@code remove} and {@code replace} share: upload FILE to the running stack's
 * source bucket under the command's prefix, watch the workflow, print its report. They differ only
 * in the prefix, which says what the workflow does with the file's cars.
 */
abstract class Upload implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "a CSV, a ZIP of CSVs and images, or one image")
    Path file;

    @Option(names = "--key", paramLabel = "KEY", description = "the object key (default: the command's prefix and the file name)")
    String key;

    @Mixin
    RunningStack stack;

    @Spec
    CommandSpec spec;

    private final CommandContext context;

    Upload(CommandContext context) {
        this.context = context;
    }

    /** Where the file goes when no {@code --key} is given, e.g. {@code incoming/remove/}. */
    abstract String prefix();

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!Files.isRegularFile(file)) {
            throw new ParameterException(spec.commandLine(), "no such file: " + file);
        }
        String objectKey = key != null ? key : prefix() + file.getFileName();
        if (!UploadKeys.isIncoming(objectKey)) {
            throw new ParameterException(spec.commandLine(), "--key must be under " + UploadKeys.INCOMING + ", not '" + objectKey + "'");
        }
        try (IngestCommands commands = stack.connect(context.out())) {
            commands.upload(file, objectKey);
        }
        return 0;
    }
}
