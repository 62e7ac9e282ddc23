package com.carcatalog.ingest.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Rejections, counted in full but listed only up to a limit: a file of a million bad rows still
 * gives a report that fits in a browser.
 *
 * @param total   every rejection
 * @param details the first ones, in file order
 */
public record RejectedList(long total, List<RejectedRow> details) {

    public RejectedList {
        details = List.copyOf(details);
    }

    public static RejectedList none() {
        return new RejectedList(0, List.of());
    }

    /** How many rejections are counted but not listed. */
    public long omitted() {
        return total - details.size();
    }

    /** Collects rejections, keeping the details of the first {@code limit}. */
    public static final class Collector {
        private final int limit;
        private final List<RejectedRow> details = new ArrayList<>();
        private long total;

        public Collector(int limit) {
            this.limit = limit;
        }

        public void add(RejectedRow row) {
            total++;
            if (details.size() < limit) {
                details.add(row);
            }
        }

        public long total() {
            return total;
        }

        public RejectedList toList() {
            return new RejectedList(total, details);
        }
    }
}
