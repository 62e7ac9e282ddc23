package com.carcatalog.query.filters;

import com.carcatalog.core.item.FilterColumn;
import java.util.List;

/** The filter table's items: distinct values and counts per column. */
@FunctionalInterface
public interface FilterColumnSource {

    List<FilterColumn> columns();
}
