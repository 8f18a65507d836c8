package io.kamplatform.reporting.dashboard;

import io.kamplatform.reporting.domain.dmu.DmuContact;
import io.kamplatform.reporting.domain.dmu.DmuMap;
import io.kamplatform.reporting.domain.facts.BuyingRole;
import io.kamplatform.reporting.domain.facts.ContactLevel;
import java.util.Arrays;
import java.util.List;

/** One buying role of the DMU map as a grid row: who holds it at each contact level. */
public record DmuRow(String role, boolean covered, List<List<DmuContact>> byLevel) {

    /** The grid's columns. */
    public List<ContactLevel> levels() {
        return Arrays.asList(ContactLevel.values());
    }

    public static List<DmuRow> of(DmuMap map) {
        return Arrays.stream(BuyingRole.values()).map(role -> {
            List<DmuContact> holders = map.roles().getOrDefault(role, List.of());
            return new DmuRow(role.name(), !holders.isEmpty(), Arrays.stream(ContactLevel.values())
                    .map(level -> holders.stream().filter(c -> c.level() == level).toList()).toList());
        }).toList();
    }
}
