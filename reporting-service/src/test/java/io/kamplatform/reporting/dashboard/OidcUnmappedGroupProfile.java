package io.kamplatform.reporting.dashboard;

/** The code flow as in Kubernetes, but alice's IdP groups map to no dashboard role ("admin" maps to crm-writer). */
public class OidcUnmappedGroupProfile extends OidcCodeFlowProfile {

    @Override
    protected String roleOfAdminGroup() {
        return "crm-writer";
    }
}
