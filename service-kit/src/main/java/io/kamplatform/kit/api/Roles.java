package io.kamplatform.kit.api;

/** The platform's roles, carried in the JWT {@code groups} claim. */
public final class Roles {
    public static final String CRM_WRITER = "crm-writer";
    public static final String KAM_READER = "kam-reader";
    public static final String KAM_ADMIN = "kam-admin";

    private Roles() {
    }
}
