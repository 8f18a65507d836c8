package io.kamplatform.bench.perf.load;

/** One request of a load: returns how many events it carried; throws when it failed (counted as an error). */
@FunctionalInterface
public interface Call {
    int run(int client, long iteration) throws Exception;
}
