/**
 * The shared vocabulary of Chartroom: domain records, identifiers, errors and the ports (one small interface per
 * pipeline stage) that the other modules implement. Nothing framework-specific lives here.
 */
package org.chartroom.core;
