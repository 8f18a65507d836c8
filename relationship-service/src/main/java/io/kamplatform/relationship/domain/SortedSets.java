package io.kamplatform.relationship.domain;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Sets in events are kept sorted: JSON has no sets, and a hash order would write the same fact differently from
 * run to run. Null stays null (an absent optional field); null elements are left for validation to report.
 */
public final class SortedSets {

    private SortedSets() {
    }

    public static <T extends Comparable<? super T>> Set<T> of(Set<T> values) {
        if (values == null || values.stream().anyMatch(Objects::isNull)) {
            return values;
        }
        SortedSet<T> sorted = new TreeSet<>(values);
        return Collections.unmodifiableSortedSet(sorted);
    }
}
