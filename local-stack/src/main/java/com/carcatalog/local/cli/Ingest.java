package com.carcatalog.local.cli;

import com.carcatalog.ingest.UploadKeys;
import picocli.CommandLine.Command;

/** {@code bin/catalog ingest FILE}: adds the file's cars. */
@Command(name = "ingest", description = "Upload FILE (CSV, ZIP of CSVs and images, or one image) to the running stack's source"
        + " bucket under incoming/, show the workflow's progress, then its report.")
final class Ingest extends Upload {

    Ingest(CommandContext context) {
        super(context);
    }

    @Override
    String prefix() {
        return UploadKeys.INCOMING;
    }
}
