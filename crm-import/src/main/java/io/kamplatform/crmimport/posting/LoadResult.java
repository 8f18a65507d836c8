package io.kamplatform.crmimport.posting;

import java.util.List;

/**
 * What a load did: events handed over, and the services' verdicts (RECORDED, DUPLICATE, REJECTED). A dry run
 * posts nothing, so its verdict counts are zero.
 */
public record LoadResult(long planned, long recorded, long duplicates, long rejected, List<Rejection> rejections) {

    /** An item a service refused, with its problem type, code and detail. */
    public record Rejection(String eventId, String accountId, String type, String origin, String problemType,
                            String code, String detail) {

        @Override
        public String toString() {
            return (origin == null ? "" : origin + ": ") + type + " " + eventId + " (account " + accountId + "): "
                    + (code == null ? problemType : problemType + " " + code) + (detail == null ? "" : " - " + detail);
        }
    }

    public static LoadResult dryRun(long planned) {
        return new LoadResult(planned, 0, 0, 0, List.of());
    }

    /** This load followed by {@code next}: the counts added, the rejections of both. */
    public LoadResult and(LoadResult next) {
        return new LoadResult(planned + next.planned, recorded + next.recorded, duplicates + next.duplicates,
                rejected + next.rejected, java.util.stream.Stream.concat(rejections.stream(), next.rejections.stream()).toList());
    }

    public boolean clean() {
        return rejected == 0;
    }

    public String summary() {
        return planned + " events: " + recorded + " recorded, " + duplicates + " already there, " + rejected + " rejected";
    }
}
