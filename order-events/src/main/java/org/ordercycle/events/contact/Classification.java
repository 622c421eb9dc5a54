package org.ordercycle.events.contact;

/**
 * Whether a customer belongs to the own group: internal customers' orders are flagged internal and
 * priced by internal rules.
 */
public enum Classification {
    EXTERNAL,
    /** A company of the own group. */
    INTERNAL_AFFILIATE,
    /** One of the own employees. */
    INTERNAL_EMPLOYEE
}
