package com.carcatalog.ingest;

/**
 * What an upload does to the catalog, told by where it was put (see {@link UploadKeys}). All three
 * run through the same workflow, validation and chunking; only the plan differs.
 */
public enum UploadMode {
    /** {@code incoming/...}: adds the file's cars that the catalog does not have. */
    LOAD,
    /** {@code incoming/remove/...}: removes the file's cars; those not in the catalog are reported "not present". */
    REMOVE,
    /**
     * {@code incoming/replace/...}: makes the catalog exactly the file's cars. Refused (nothing
     * changes) when rows were rejected or it would remove too much, unless under
     * {@code incoming/replace/force/}.
     */
    REPLACE;

    public static UploadMode of(String key) {
        if (key.startsWith(UploadKeys.REMOVE)) {
            return REMOVE;
        }
        if (key.startsWith(UploadKeys.REPLACE)) {
            return REPLACE;
        }
        return LOAD;
    }
}
