package org.chartroom.nlp.eval;

/** How often a gold type was predicted as another type (matched headers only). */
public record TypeConfusion(String goldType, String predictedType, int count) {
}
