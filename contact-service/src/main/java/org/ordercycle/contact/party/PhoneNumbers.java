package org.ordercycle.contact.party;

/**
 * Phone numbers as the switchboard compares them: digits only, with the country code. "+49 30 1234567",
 * "0049 30 1234567" and (with default country code 49) "030 1234567" are all {@code 49301234567}.
 */
public final class PhoneNumbers {

    private PhoneNumbers() {
    }

    /** The digits with the country code; a national number (one leading 0) gets {@code defaultCountryCode}. */
    public static String digits(String phone, String defaultCountryCode) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        if (phone.strip().startsWith("+")) {
            return digits;
        }
        if (digits.startsWith("00")) {
            return digits.substring(2);
        }
        if (digits.startsWith("0")) {
            return defaultCountryCode + digits.substring(1);
        }
        return digits;
    }
}
