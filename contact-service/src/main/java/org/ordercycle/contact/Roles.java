package org.ordercycle.contact;

/** The department roles, as the tokens' groups name them. */
public final class Roles {

    public static final String CRM = "crm";
    public static final String ADMIN = "admin";
    public static final String SALES = "sales";
    public static final String SALES_MANAGER = "sales-manager";
    public static final String PRODUCTION = "production";
    public static final String BILLING = "billing";
    public static final String RETURNS = "returns";
    public static final String SERVICE = "service";

    private Roles() {
    }
}
