package io.kamplatform.crmimport.posting;

/** Where planned events go: posted by {@link BatchLoader}, or only counted in a dry run. */
public interface EventSink {

    void accept(PlannedEvent event);

    /** Posts whatever is still buffered and returns the totals. */
    LoadResult finish();

    /** A sink that posts nothing and counts what it was given (dry runs). */
    static EventSink counting() {
        return new EventSink() {
            private long planned;

            @Override
            public void accept(PlannedEvent event) {
                planned++;
            }

            @Override
            public LoadResult finish() {
                return LoadResult.dryRun(planned);
            }
        };
    }
}
