package org.chartroom.core.search;

/** How many matching documents have a value of a facet. */
public record FacetCount(String value, long count) {
}
