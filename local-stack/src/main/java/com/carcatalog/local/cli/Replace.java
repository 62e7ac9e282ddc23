package com.carcatalog.local.cli;

import com.carcatalog.ingest.UploadKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/catalog replace FILE [--force]}: makes the catalog exactly the file's cars. */
@Command(name = "replace", description = "Make the catalog exactly the cars of FILE (CSV or ZIP): uploads it under"
        + " incoming/replace/ and watches like ingest. Refused when rows are rejected or more than half of the catalog"
        + " would go (REPLACE_MAX_REMOVED_PERCENT).")
final class Replace extends Upload {

    @Option(names = "--force", description = "upload under incoming/replace/force/: no such refusal")
    boolean force;

    Replace(CommandContext context) {
        super(context);
    }

    @Override
    String prefix() {
        return force ? UploadKeys.FORCED_REPLACE : UploadKeys.REPLACE;
    }
}
