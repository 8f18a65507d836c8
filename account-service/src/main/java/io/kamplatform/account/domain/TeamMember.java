package io.kamplatform.account.domain;

/** A member of the supplier's account team. */
public record TeamMember(String memberId, String name, TeamFunction function) {
}
