package io.kamplatform.bench.reliability;

import java.util.ArrayList;
import java.util.List;

/** What a run kills with SIGKILL half-way through the load, named as the launcher names its processes. */
enum Fault {
    ACCOUNT_SERVICE("account-service"),
    RELATIONSHIP_SERVICE("relationship-service"),
    REPORTING_SERVICE("reporting-service"),
    KAFKA("kafka"),
    POSTGRES("postgres"),
    /** The launcher itself: its children live on; the harness then starts the launcher again, as a user would. */
    LAUNCHER("launcher"),
    NONE("none");

    private final String process;

    Fault(String process) {
        this.process = process;
    }

    String process() {
        return process;
    }

    static List<Fault> parseList(String value) {
        if (value.equals("all")) {
            List<Fault> all = new ArrayList<>(List.of(values()));
            all.remove(NONE);
            return all;
        }
        List<Fault> faults = new ArrayList<>();
        for (String name : value.split(",")) {
            faults.add(of(name.trim()));
        }
        return faults;
    }

    static Fault of(String name) {
        for (Fault f : values()) {
            if (f.process.equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown fault '" + name + "': account-service, relationship-service, "
                + "reporting-service, kafka, postgres, launcher, all or none");
    }
}
