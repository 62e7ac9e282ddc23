package com.carcatalog.ingest.catalog;

import com.carcatalog.ingest.lease.CatalogLease;
import com.carcatalog.ingest.lease.LeaseToken;
import java.util.List;

/**
 * Makes the filter table's counts equal to a recount of the cars table, holding the catalog lease
 * so no change runs meanwhile: what a change does after taking over an abandoned lease, and what
 * an operator runs after editing the tables by hand ({@code bin/catalog verify --repair}).
 */
public final class CountRepair {

    private final CarsTableScan scan;
    private final FilterTableCounts filters;
    private final CatalogLease lease;

    public CountRepair(CarsTableScan scan, FilterTableCounts filters, CatalogLease lease) {
        this.scan = scan;
        this.filters = filters;
        this.lease = lease;
    }

    /**
     * What a repair found and did.
     *
     * @param fixed      the differences it corrected (empty: the counts were exact)
     * @param generation the generation it published, 0 when nothing had to change
     */
    public record Result(long cars, List<CountDifference> fixed, long generation) {
    }

    public Result repair(LeaseToken token) {
        lease.renew(token);
        CatalogCounts actual = CatalogCounts.recount(scan);
        List<CountDifference> differences = filters.differences(actual);
        long generation = 0;
        if (!differences.isEmpty()) {
            lease.beginApplying(token);
            filters.overwrite(actual);
            generation = lease.publish(token);
        }
        lease.repaired(token);
        return new Result(actual.cars(), differences, generation);
    }
}
