package com.carcatalog.local.cli;

import com.carcatalog.ingest.UploadKeys;
import picocli.CommandLine.Command;

/** {@code bin/catalog remove FILE}: removes the file's cars. */
@Command(name = "remove", description = "Remove the cars listed in FILE (same columns as a load): uploads it under"
        + " incoming/remove/ and watches like ingest. Cars not in the catalog are reported.")
final class Remove extends Upload {

    Remove(CommandContext context) {
        super(context);
    }

    @Override
    String prefix() {
        return UploadKeys.REMOVE;
    }
}
