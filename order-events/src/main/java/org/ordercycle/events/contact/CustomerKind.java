package org.ordercycle.events.contact;

/** Whether a customer is a company (with persons working for it) or a private person. */
public enum CustomerKind {
    ORGANIZATION,
    PERSON
}
