package com.carcatalog.ingest.report;

/**
 * How a load ended, as the report and the FinishLoad output say it. For a removal or a replacement
 * "loaded" means its changes were applied.
 */
public enum LoadStatus {
    /** Every row was applied (or needed no change). */
    LOADED,
    /** The valid rows were applied; some rows or archive entries were skipped (see the report). */
    LOADED_WITH_REJECTIONS,
    /** The upload was readable but held not one valid row or usable image: moved to failed/. */
    NOTHING_LOADED,
    /** The upload as a whole was refused (by validation, or a replacement by its guard): nothing changed, moved to failed/. */
    REJECTED
}
