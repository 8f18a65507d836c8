package io.kamplatform.reporting.domain.completeness;

/**
 * Versions {@code fromVersion..toVersion} (inclusive) of one producer's stream that were not received yet, though a
 * later version was: events the producer committed and this service has not seen.
 */
public record MissingEvents(String source, String streamId, long fromVersion, long toVersion) {

    public MissingEvents {
        if (fromVersion < 1 || toVersion < fromVersion) {
            throw new IllegalArgumentException("not a range of versions: " + fromVersion + ".." + toVersion);
        }
    }

    /** How many events the range stands for. */
    public long count() {
        return toVersion - fromVersion + 1;
    }

    public boolean contains(long version) {
        return fromVersion <= version && version <= toVersion;
    }
}
