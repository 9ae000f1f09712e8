package org.chartroom.core.audit;

/** What was done, as the audit trail records it. */
public enum AuditAction {
    LOGIN,
    READ,
    SEARCH,
    DOWNLOAD,
    WRITE,
    EXPORT,
    /** A request refused for lack of authentication or permission. */
    ACCESS,
    /** User and key administration. */
    ADMINISTER
}
