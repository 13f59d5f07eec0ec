package io.github.enhance4j.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs fuzz cases on a daemon thread with a time limit, so that a decoder stuck in a loop fails the case that
 * caused it instead of hanging the build. The limit is far above a normal case (milliseconds): it catches hangs,
 * it does not time anything.
 */
public final class Guard implements AutoCloseable {

    private final long limitSeconds;
    private ExecutorService worker = newWorker();

    public Guard(long limitSeconds) {
        this.limitSeconds = limitSeconds;
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-case");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The value of {@code task}; what it throws is thrown as is (errors included).
     *
     * @throws AssertionError if it runs past the limit; the stuck thread is abandoned and a fresh one takes over
     */
    public <T> T call(Callable<T> task, String what) throws Exception {
        Future<T> future = worker.submit(task);
        try {
            return future.get(limitSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            throw new AssertionError("no result after " + limitSeconds + " s (a hang?): " + what);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
