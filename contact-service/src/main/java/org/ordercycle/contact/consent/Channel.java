package org.ordercycle.contact.consent;

/** The channels a party may agree (or refuse) to be contacted on for advertising. */
public enum Channel {
    POSTAL_ADVERTISING, NEWSLETTER, EMAIL, PHONE, SMS
}
