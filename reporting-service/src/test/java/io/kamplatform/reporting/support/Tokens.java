package io.kamplatform.reporting.support;

import io.kamplatform.local.Roles;
import io.kamplatform.local.TestInfra;

/** Real RS256 tokens signed by the test key pair whose public key the service verifies against. */
public final class Tokens {
    private Tokens() {
    }

    public static String reader() {
        return TestInfra.instance().tokenFor(Roles.KAM_READER);
    }

    public static String admin() {
        return TestInfra.instance().tokenFor(Roles.KAM_ADMIN);
    }

    public static String writer() {
        return TestInfra.instance().tokenFor(Roles.CRM_WRITER);
    }
}
