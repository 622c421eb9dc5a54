package org.ordercycle.contact.party;

/** What a party is to the company; a party may have several roles. Only customers travel on contact.customers. */
public enum PartyRole {
    CUSTOMER, PROSPECT, SUPPLIER, CARRIER, EMPLOYEE
}
