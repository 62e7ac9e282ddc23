package com.carcatalog.query.filters;

import com.carcatalog.core.item.CatalogState;
import com.carcatalog.core.item.FilterColumn;
import java.util.List;

/**
 * What a request sees of the catalog: its state, read once per request, and the filter table as of
 * that state. Reading the state first lets a request decide between memory and DynamoDB with the
 * same single read the filter table's freshness check needs.
 */
public interface CatalogView {

    /** The catalog's state now (one strongly consistent read). */
    CatalogState state();

    /** The filter table's columns as of {@code state}, a state {@link #state()} returned. */
    List<FilterColumn> columnsAt(CatalogState state);

    /** A view of fixed columns and no catalog item (tests): the state is {@link CatalogState#INITIAL}. */
    static CatalogView of(FilterColumnSource columns) {
        return new CatalogView() {
            @Override
            public CatalogState state() {
                return CatalogState.INITIAL;
            }

            @Override
            public List<FilterColumn> columnsAt(CatalogState state) {
                return columns.columns();
            }
        };
    }
}
