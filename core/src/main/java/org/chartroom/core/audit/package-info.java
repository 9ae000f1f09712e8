/** The audit trail's vocabulary: every access to PHI, every login and every refusal is an {@code AuditEvent}. */
package org.chartroom.core.audit;
