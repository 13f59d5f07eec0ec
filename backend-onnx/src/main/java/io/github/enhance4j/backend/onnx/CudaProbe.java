package io.github.enhance4j.backend.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Whether CUDA can be used, found out once per process for {@link io.github.enhance4j.Device#AUTO}: a CPU user of
 * the GPU artifact would otherwise pay for (and, in ONNX Runtime's log, read about) a failed attempt to load the
 * CUDA provider with every model. An explicit {@code Device.cuda(n)} does not consult it, so that its error is
 * always the current one. Thread-safe.
 */
final class CudaProbe {

    /** The answer: usable, or why not. */
    record Result(boolean available, String reason) {
    }

    /** The probe this process uses. */
    static final CudaProbe PROCESS = new CudaProbe(CudaProbe::tryCuda);

    private final Supplier<Result> attempt;
    private final AtomicInteger attempts = new AtomicInteger();
    private volatile Result result;

    /** @param attempt finds the answer; {@link #result()} calls it once */
    CudaProbe(Supplier<Result> attempt) {
        this.attempt = Objects.requireNonNull(attempt, "attempt");
    }

    /** The remembered answer, probing on the first call. */
    Result result() {
        Result r = result;
        if (r == null) {
            synchronized (this) {
                r = result;
                if (r == null) {
                    attempts.incrementAndGet();
                    r = Objects.requireNonNull(attempt.get(), "probe result");
                    result = r;
                }
            }
        }
        return r;
    }

    /**
     * Remembers that CUDA does not work after all: on some set-ups the provider loads but a session cannot be built
     * on it, which only shows when the first model is opened.
     */
    void markUnavailable(String reason) {
        result = new Result(false, reason);
    }

    /** How often the probe really ran; for tests. */
    int attempts() {
        return attempts.get();
    }

    /**
     * Loads the CUDA provider for device 0 without building a session. ONNX Runtime reports a failure to load it
     * through its process-wide logger, which {@link OnnxSessions} keeps at fatal level (see there); the session's
     * own severity is lowered as well, for the parts that log through the session.
     */
    private static Result tryCuda() {
        if (!OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) {
            return new Result(false, "this ONNX Runtime build has no CUDA provider (use " + OnnxProvider.GPU_ARTIFACT
                    + " for GPUs)");
        }
        try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
            so.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL);
            so.addCUDA(0);
            return new Result(true, "its provider loaded");
        } catch (OrtException | RuntimeException | UnsatisfiedLinkError e) {
            return new Result(false, "CUDA could not be initialised (" + e.getMessage() + "; "
                    + OnnxSessions.CUDA_REQUIREMENTS + ")");
        }
    }
}
