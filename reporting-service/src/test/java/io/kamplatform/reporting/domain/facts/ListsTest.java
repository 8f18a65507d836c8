package io.kamplatform.reporting.domain.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListsTest {

    @Test
    void appendsToACopyThatCannotBeChanged() {
        List<String> ids = new ArrayList<>(List.of("e1", "e2"));
        List<String> appended = Lists.append(ids, "e3");

        assertThat(appended).containsExactly("e1", "e2", "e3").isEqualTo(List.of("e1", "e2", "e3"));
        assertThat(ids).containsExactly("e1", "e2");
        ids.set(0, "changed");
        assertThat(appended).startsWith("e1");
        assertThatThrownBy(() -> appended.add("e4")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> appended.set(0, "x")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(Lists.append(List.of(), "only")).containsExactly("only");
        assertThatThrownBy(() -> Lists.append(List.of(), null)).isInstanceOf(NullPointerException.class);
    }
}
