package io.kamplatform.bench.reliability;

/** The two writer services: where an event is posted, its CloudEvents source and its store's database. */
enum Writer {
    ACCOUNT("/kam-platform/account-service", "api/account-events/batch", "account", 0),
    RELATIONSHIP("/kam-platform/relationship-service", "api/relationship-events/batch", "relationship", 1);

    final String source;
    final String batchPath;
    final String database;
    final int portOffset;

    Writer(String source, String batchPath, String database, int portOffset) {
        this.source = source;
        this.batchPath = batchPath;
        this.database = database;
        this.portOffset = portOffset;
    }
}
