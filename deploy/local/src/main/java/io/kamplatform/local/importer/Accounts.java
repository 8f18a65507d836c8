package io.kamplatform.local.importer;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** The accounts an import registered: their registration day, for the rows of the other files that name them. */
final class Accounts {

    private final Map<String, LocalDate> registeredOn = new HashMap<>();

    void registered(String id, LocalDate day) {
        registeredOn.put(id, day);
    }

    boolean contains(String id) {
        return registeredOn.containsKey(id);
    }

    LocalDate registeredOn(String id) {
        return registeredOn.get(id);
    }
}
