package io.github.enhance4j.video.internal;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.Loader;

import java.util.Locale;

/**
 * Loads FFmpeg's libraries once and keeps their own log quiet: FFmpeg prints to the process's standard error, which a
 * library must not do; what matters reaches the caller as an exception or a log line of ours.
 * {@code -Denhance4j.ffmpeg.logLevel=warning} (quiet, panic, fatal, error, warning, info, verbose, debug) shows
 * FFmpeg's own account.
 */
public final class Ffmpeg {

    private static volatile boolean loaded;

    private Ffmpeg() {
    }

    /** Loads the natives (once) and sets FFmpeg's log level. */
    public static void load() {
        if (loaded) {
            return;
        }
        synchronized (Ffmpeg.class) {
            if (!loaded) {
                Loader.load(avutil.class);
                avutil.av_log_set_level(logLevel(System.getProperty("enhance4j.ffmpeg.logLevel", "quiet")));
                loaded = true;
            }
        }
    }

    static int logLevel(String name) {
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "panic": return avutil.AV_LOG_PANIC;
            case "fatal": return avutil.AV_LOG_FATAL;
            case "error": return avutil.AV_LOG_ERROR;
            case "warning": return avutil.AV_LOG_WARNING;
            case "info": return avutil.AV_LOG_INFO;
            case "verbose": return avutil.AV_LOG_VERBOSE;
            case "debug": return avutil.AV_LOG_DEBUG;
            default: return avutil.AV_LOG_QUIET;
        }
    }

    /**
     * {@return FFmpeg's text for an error code, e.g. "Invalid data found when processing input"}
     *
     * @param code a negative {@code AVERROR} value
     */
    public static String error(int code) {
        byte[] buffer = new byte[256];
        avutil.av_strerror(code, buffer, buffer.length);
        int end = 0;
        while (end < buffer.length && buffer[end] != 0) {
            end++;
        }
        return new String(buffer, 0, end, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** {@return the text of a possibly null C string} */
    static String string(org.bytedeco.javacpp.BytePointer p) {
        return p == null || p.isNull() ? "" : p.getString();
    }
}
