/**
 * Documents and their life: ids, types, states, the uploader's metadata, the stored original and the versions of
 * the text. All of it is PHI unless stated otherwise.
 */
package org.chartroom.core.document;
