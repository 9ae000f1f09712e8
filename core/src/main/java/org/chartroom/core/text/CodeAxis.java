package org.chartroom.core.text;

/**
 * One axis along which a code was chosen among its siblings, and whether the text decided it.
 *
 * @param axis   {@code laterality}, {@code acuity}, {@code episode} (the 7th character), {@code fracture} (open or
 *               closed), {@code displacement}
 * @param value  the value the code has ("left", "unspecified", "initial encounter for closed fracture")
 * @param stated whether the text states it; when not, the value is the default
 * @param reason why the default applies (a guideline or tabular note); empty when stated
 */
public record CodeAxis(String axis, String value, boolean stated, String reason) {
}
