package com.carcatalog.ingest.lease;

/**
 * A change presented a lease that is no longer its own: it stopped for longer than the lease
 * lasts, another change took the lease over (and recounted the catalog), so continuing would
 * count some of its cars twice. Not retried; upload the file again to apply it.
 */
public final class CatalogLeaseLostException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CatalogLeaseLostException(LeaseToken token, String holder) {
        super("The catalog lease of " + token + " is gone" + (holder == null ? "" : ": " + holder + " holds it now")
                + ". The change stopped for longer than the lease lasts and another change took the catalog over and"
                + " recounted it; this one cannot continue without counting cars twice. Upload the file again.");
    }
}
