package io.kamplatform.reporting.domain.facts;

import java.util.ArrayList;
import java.util.List;

final class Lists {

    private Lists() {
    }

    static List<String> append(List<String> list, String element) {
        List<String> copy = new ArrayList<>(list);
        copy.add(element);
        return List.copyOf(copy);
    }
}
