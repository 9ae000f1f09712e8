package org.chartroom.core.text;

/** The context of a mention: whether it is negated, uncertain, historical, about a family member, or hypothetical. */
public record Assertion(boolean negated, boolean uncertain, boolean historical, boolean family,
                        boolean hypothetical) {
    public static final Assertion AFFIRMED = new Assertion(false, false, false, false, false);
}
