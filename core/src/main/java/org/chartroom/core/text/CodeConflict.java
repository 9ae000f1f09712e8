package org.chartroom.core.text;

/**
 * A tabular exclusion between two suggested codes.
 *
 * @param code the other suggested code
 * @param kind {@code excludes1} (never reported together: one is the other's alternative)
 * @param note the tabular note that excludes it, as written
 */
public record CodeConflict(String code, String kind, String note) {
}
