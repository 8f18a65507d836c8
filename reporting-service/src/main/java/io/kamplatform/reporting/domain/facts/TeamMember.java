package io.kamplatform.reporting.domain.facts;

import java.util.List;

/** A member of the supplier's account team and the function they bring (free text, e.g. "TECHNICAL"). */
public record TeamMember(String memberId, String name, String function, List<String> eventIds) {
}
