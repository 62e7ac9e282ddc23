package com.carcatalog.ingest.report;

/** How a load ended, as the report and the FinishLoad output say it. */
public enum LoadStatus {
    /** Every row loaded (or was already there). */
    LOADED,
    /** The valid rows loaded; some rows or archive entries were skipped (see the report). */
    LOADED_WITH_REJECTIONS,
    /** The upload was readable but held not one valid row or usable image: moved to failed/. */
    NOTHING_LOADED,
    /** The upload as a whole was refused by validation: moved to failed/. */
    REJECTED
}
