package io.kamplatform.reporting.domain.completeness;

import java.util.ArrayList;
import java.util.List;

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

    /** What is still missing once {@code version} (inside the range) arrived late: none, one or two ranges. */
    public List<MissingEvents> without(long version) {
        if (!contains(version)) {
            throw new IllegalArgumentException(version + " is not in " + fromVersion + ".." + toVersion);
        }
        List<MissingEvents> rest = new ArrayList<>(2);
        if (version > fromVersion) {
            rest.add(new MissingEvents(source, streamId, fromVersion, version - 1));
        }
        if (version < toVersion) {
            rest.add(new MissingEvents(source, streamId, version + 1, toVersion));
        }
        return rest;
    }
}
