/**
 * Domain exceptions. One class per kind of failure a caller can act on; the api module maps each to one HTTP status
 * in one place. Messages carry no PHI.
 */
package org.chartroom.core.error;
