package io.kamplatform.bench.reliability;

/** The two writer services: where an event is posted, its CloudEvents source and its store's database. */
public enum Writer {
    ACCOUNT("/kam-platform/account-service", "api/account-events/batch", "account", 0),
    RELATIONSHIP("/kam-platform/relationship-service", "api/relationship-events/batch", "relationship", 1);

    public final String source;
    public final String batchPath;
    public final String database;
    public final int portOffset;

    Writer(String source, String batchPath, String database, int portOffset) {
        this.source = source;
        this.batchPath = batchPath;
        this.database = database;
        this.portOffset = portOffset;
    }
}
