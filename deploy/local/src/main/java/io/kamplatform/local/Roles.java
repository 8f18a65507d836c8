package io.kamplatform.local;

import java.util.List;

/** The platform's roles, carried in the JWT {@code groups} claim. */
public final class Roles {

    /** CRM integrations: post facts (events). */
    public static final String CRM_WRITER = "crm-writer";
    /** Management and key account managers: read reports. */
    public static final String KAM_READER = "kam-reader";
    /** Operators: rebuild read models, manage scoring models. */
    public static final String KAM_ADMIN = "kam-admin";

    public static final List<String> ALL = List.of(CRM_WRITER, KAM_READER, KAM_ADMIN);

    private Roles() {
    }
}
