package org.chartroom.nlp.codes;

/**
 * Where a term entry comes from, and how much an entry of that kind vouches for its code over the others when both
 * explain a phrase equally: the Alphabetic Index is what a coder follows first, the description only states the
 * code's title.
 */
enum TermSource {
    /** An Alphabetic Index path that ends in a code. */
    INDEX(0.03),
    /** An index path that sends the coder elsewhere ("see"): its words imply the target's. */
    SEE(0.02),
    /** An index path that sends the coder elsewhere too ("see also"): its words suggest the target's. */
    SEE_ALSO(0.0),
    /** A tabular inclusion term. */
    INCLUSION(0.02),
    /** A Neoplasm Table row under one of its behaviour columns. */
    NEOPLASM(0.01),
    /** A Table of Drugs and Chemicals row under one of its columns (poisoning, adverse effect, underdosing). */
    DRUG(0.01),
    /** The tabular title of a billable code. */
    DESCRIPTION(0.0);

    private final double bonus;

    TermSource(double bonus) {
        this.bonus = bonus;
    }

    double bonus() {
        return bonus;
    }

    /** The stored name. */
    String stored() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
