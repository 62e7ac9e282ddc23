package com.carcatalog.query.facets;

import com.carcatalog.query.cars.AnsweredFrom;
import com.carcatalog.query.filters.FilterFacet;
import java.util.List;

/**
 * The {@code GET /filters} facets and what computing them took.
 *
 * @param itemsRead        cars DynamoDB evaluated to count them (0 from memory or the filter table)
 * @param dynamoDbRequests Query/Scan calls made to count them
 */
public record FacetsAnswer(List<FilterFacet> facets, AnsweredFrom answeredFrom, long itemsRead, int dynamoDbRequests) {

    public FacetsAnswer {
        facets = List.copyOf(facets);
    }
}
