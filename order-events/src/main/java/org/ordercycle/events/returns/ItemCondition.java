package org.ordercycle.events.returns;

/** What inspection found a returned item fit for; production restocks, repairs or scraps it accordingly. */
public enum ItemCondition {
    RESELLABLE,
    REPAIRABLE,
    SCRAP
}
