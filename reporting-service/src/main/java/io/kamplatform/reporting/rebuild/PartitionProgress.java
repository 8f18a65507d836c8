package io.kamplatform.reporting.rebuild;

/** One topic-partition of a rebuild: the replay's position, the log end offset last read, and the records between. */
public record PartitionProgress(String topic, int partition, long position, long endOffset, long lag) {
}
