package org.ordercycle.contact.party;

public record AddressView(String street, String postalCode, String city, String region, String country) {

    public static AddressView of(ContactMechanism postal) {
        return postal == null ? null
                : new AddressView(postal.street, postal.postalCode, postal.city, postal.region, postal.country);
    }
}
