package io.github.enhance4j.spark.internal;

import org.apache.spark.TaskContext;

/**
 * A test hook: with the system property {@value #PROPERTY} set to a partition number, the first attempt of that
 * partition's output task fails right after writing its first output, as an executor lost mid-task would. Tests set
 * it to check that the retry leaves exactly one complete file per input. Unset, it costs a property lookup per
 * partition.
 */
public final class FaultInjection {

    /** The system property naming the partition whose first attempt fails. */
    public static final String PROPERTY = "enhance4j.spark.test.failPartitionOnce";

    private final int partition;

    private FaultInjection(int partition) {
        this.partition = partition;
    }

    /** {@return the hook for the running task, reading the property once} */
    static FaultInjection forThisTask() {
        String value = System.getProperty(PROPERTY);
        TaskContext task = TaskContext.get();
        if (value == null || task == null || task.attemptNumber() > 0) {
            return new FaultInjection(-1);
        }
        return new FaultInjection(Integer.parseInt(value.strip()));
    }

    /**
     * Fails if this is the chosen partition's first attempt.
     *
     * @throws IllegalStateException the injected failure
     */
    void afterWrite() {
        if (partition >= 0 && TaskContext.getPartitionId() == partition) {
            throw new IllegalStateException("injected failure of partition " + partition + ", attempt 0 ("
                    + PROPERTY + ")");
        }
    }
}
