package org.ordercycle.contact.party;

/** How important the customer is to the company: A customers are served first when capacity is short. */
public enum Tier {
    A, B, C
}
