/** Search requests and results, independent of the search engine behind {@code DocumentStore}. */
package org.chartroom.core.search;
