package io.github.enhance4j.backend.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import io.github.enhance4j.Device;
import io.github.enhance4j.EnhanceException;
import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.ModelLoadException;
import io.github.enhance4j.ModelSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Map;

/**
 * Creates ONNX Runtime sessions on the device the options ask for, and turns ONNX Runtime's errors into ones that
 * say what is wrong with the model or the installation.
 */
final class OnnxSessions {

    private static final Logger LOG = LoggerFactory.getLogger(OnnxSessions.class);

    static final String CUDA_REQUIREMENTS = "ONNX Runtime needs " + OnnxProvider.GPU_ARTIFACT
            + " (instead of " + OnnxProvider.CPU_ARTIFACT + "), an NVIDIA driver, and the CUDA 12 runtime and cuDNN 9"
            + " libraries on the library path (LD_LIBRARY_PATH on Linux, PATH on Windows)";

    private OnnxSessions() {
    }

    /** A session and the device it runs on. */
    record Opened(OrtEnvironment environment, OrtSession session, String device) {
    }

    static Opened open(ModelSource model, EnhanceOptions options) {
        return open(model, options, CudaProbe.PROCESS);
    }

    /** As {@link #open(ModelSource, EnhanceOptions)}, with the CUDA probe given (tests count its runs). */
    static Opened open(ModelSource model, EnhanceOptions options, CudaProbe cuda) {
        OrtEnvironment env = environment();
        Device device = options.device();
        switch (device.kind()) {
            case CPU:
                return new Opened(env, create(env, model, options, -1), "cpu");
            case CUDA:
                return new Opened(env, createOnCuda(env, model, options, device.index()), device.toString());
            default:
                return openAuto(env, model, options, cuda);
        }
    }

    private static Opened openAuto(OrtEnvironment env, ModelSource model, EnhanceOptions options, CudaProbe cuda) {
        CudaProbe.Result probed = cuda.result();
        if (!probed.available()) {
            LOG.info("ONNX Runtime runs {} on CPU: {}", model.name(), probed.reason());
            return new Opened(env, create(env, model, options, -1), "cpu");
        }
        try {
            OrtSession session = create(env, model, options, 0);
            LOG.info("ONNX Runtime runs {} on CUDA device 0", model.name());
            return new Opened(env, session, "cuda:0");
        } catch (CudaUnavailableException e) {
            String reason = "CUDA could not be initialised (" + (e.getCause() == null ? e.getMessage()
                    : e.getCause().getMessage()) + ")";
            cuda.markUnavailable(reason);
            LOG.info("ONNX Runtime runs {} on CPU: {}", model.name(), reason);
        } catch (ModelLoadException e) {
            // on some set-ups CUDA failures only show when the session is built: if CPU works, it was the GPU
            OrtSession cpu = create(env, model, options, -1);
            String reason = "creating a CUDA session failed (" + e.getMessage() + ")";
            cuda.markUnavailable(reason);
            LOG.info("ONNX Runtime runs {} on CPU: {}", model.name(), reason);
            return new Opened(env, cpu, "cpu");
        }
        return new Opened(env, create(env, model, options, -1), "cpu");
    }

    private static OrtSession createOnCuda(OrtEnvironment env, ModelSource model, EnhanceOptions options, int index) {
        if (!OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) {
            throw new EnhanceException("CUDA device " + index + " was requested, but this ONNX Runtime build has no"
                    + " CUDA provider. " + CUDA_REQUIREMENTS + ". Or use Device.AUTO / Device.CPU.");
        }
        try {
            return create(env, model, options, index);
        } catch (CudaUnavailableException e) {
            throw new EnhanceException("CUDA device " + index + " was requested, but ONNX Runtime cannot use it: "
                    + e.getCause().getMessage() + ". " + CUDA_REQUIREMENTS + ". Or use Device.AUTO / Device.CPU.",
                    e.getCause());
        }
    }

    /** {@code cudaDevice} -1 means CPU only. */
    private static OrtSession create(OrtEnvironment env, ModelSource model, EnhanceOptions options, int cudaDevice) {
        try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
            configure(so, options);
            if (cudaDevice >= 0) {
                try {
                    so.addCUDA(cudaDevice);
                } catch (OrtException | RuntimeException | UnsatisfiedLinkError e) {
                    throw new CudaUnavailableException(e);
                }
            }
            if (model.path().isPresent()) {
                // from the file, so that ONNX external data next to it is found
                return env.createSession(model.path().get().toString(), so);
            }
            return env.createSession(model.readAllBytes(), so);
        } catch (OrtException e) {
            throw translate(model, e);
        }
    }

    private static void configure(OrtSession.SessionOptions so, EnhanceOptions options) throws OrtException {
        // the process-wide logger is quiet (see environment()); a session still reports its own warnings
        so.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING);
        if (options.threads() > 0) {
            so.setIntraOpNumThreads(options.threads());
        }
        Map<String, String> backend = options.backendOptions();
        String level = backend.getOrDefault("optimization", "all").toLowerCase(Locale.ROOT);
        switch (level) {
            case "none":
                so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
                break;
            case "basic":
                so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.BASIC_OPT);
                break;
            case "extended":
                so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.EXTENDED_OPT);
                break;
            case "all":
                so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                break;
            default:
                throw new IllegalArgumentException("backend option optimization='" + level
                        + "': expected none, basic, extended or all");
        }
        String inter = backend.get("interOpThreads");
        if (inter != null) {
            try {
                so.setInterOpNumThreads(Integer.parseInt(inter.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("backend option interOpThreads='" + inter
                        + "' is not a number", e);
            }
        }
    }

    /**
     * ONNX Runtime's process-wide environment. Where enhance4j creates it, its default logger, which ONNX Runtime
     * uses for messages outside a session such as a CUDA provider that cannot be loaded, logs fatal errors only
     * (sessions log warnings on their own): a CPU user of the GPU artifact would otherwise read an error about
     * CUDA libraries that enhance4j already handles and reports (an INFO line, or the exception of an explicit
     * {@code Device.cuda(n)}). {@code -Denhance4j.onnx.logLevel=verbose|info|warning|error|fatal} chooses another
     * level, e.g. to read ONNX Runtime's own account of a CUDA set-up. A host application that created the
     * environment first keeps its own.
     */
    static OrtEnvironment environment() {
        try {
            // first, always: ONNX Runtime's other entry points fail with an unrelated logger error before it
            return OrtEnvironment.getEnvironment(logLevel(System.getProperty(LOG_LEVEL_PROPERTY)));
        } catch (UnsatisfiedLinkError | ExceptionInInitializerError | NoClassDefFoundError e) {
            throw new EnhanceException("ONNX Runtime's native library could not be loaded on "
                    + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + ": " + e
                    + ". Check that " + OnnxProvider.CPU_ARTIFACT + " supports this platform.", e);
        }
    }

    /** System property naming the level of ONNX Runtime's process-wide logger. */
    static final String LOG_LEVEL_PROPERTY = "enhance4j.onnx.logLevel";

    static OrtLoggingLevel logLevel(String name) {
        if (name == null || name.isBlank()) {
            return OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL;
        }
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "verbose":
                return OrtLoggingLevel.ORT_LOGGING_LEVEL_VERBOSE;
            case "info":
                return OrtLoggingLevel.ORT_LOGGING_LEVEL_INFO;
            case "warning":
                return OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING;
            case "error":
                return OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR;
            case "fatal":
                return OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL;
            default:
                throw new IllegalArgumentException("-D" + LOG_LEVEL_PROPERTY + "=" + name
                        + ": expected verbose, info, warning, error or fatal");
        }
    }

    private static ModelLoadException translate(ModelSource model, OrtException e) {
        String detail = e.getMessage();
        String lower = detail == null ? "" : detail.toLowerCase(Locale.ROOT);
        switch (e.getCode()) {
            case ORT_INVALID_PROTOBUF:
                return new ModelLoadException(model.name(), ModelLoadException.Reason.CORRUPT,
                        "it is not a readable ONNX protobuf (damaged or truncated?): " + detail, e);
            case ORT_NOT_IMPLEMENTED:
                return new ModelLoadException(model.name(), ModelLoadException.Reason.INCOMPATIBLE,
                        "it uses an operator or type this ONNX Runtime (" + OnnxRuntimeInfo.expectedVersion()
                                + ") does not implement: " + detail, e);
            case ORT_NO_SUCHFILE:
                return new ModelLoadException(model.name(), ModelLoadException.Reason.NOT_FOUND, detail, e);
            default:
                // "model_path must not be empty": external data, but the model came as bytes with no folder
                if (lower.contains("external") || lower.contains("no such file") || lower.contains("not exist")
                        || lower.contains("model_path must not be empty")) {
                    return new ModelLoadException(model.name(), ModelLoadException.Reason.CORRUPT,
                            "its external data cannot be read (keep the data files next to the model and load it"
                                    + " from its file, not from a stream): " + detail, e);
                }
                return new ModelLoadException(model.name(), ModelLoadException.Reason.INCOMPATIBLE,
                        "ONNX Runtime rejected it (" + e.getCode() + "): " + detail, e);
        }
    }

    /** addCUDA failed: the CUDA provider or its libraries are missing. */
    private static final class CudaUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CudaUnavailableException(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }
}
