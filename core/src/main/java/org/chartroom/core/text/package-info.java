/**
 * Text and what is found in it: spans, pages, sections, concepts with their assertions, code suggestions. Offsets are
 * Java {@code String} char offsets, end exclusive, as the JSON Lines contracts specify.
 */
package org.chartroom.core.text;
