package io.github.enhance4j.service;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The service's limits, {@code enhance4j.service.*}. The pixel limit of uploads is the starter's
 * {@code enhance4j.max-pixels} (the service sets it to 16 MP by default).
 *
 * @param maxUploadSize   Largest upload, raw body or multipart file; larger ones get 413.
 * @param maxOutputPixels Largest result in pixels (width times height after scaling); larger ones get 422 before
 *                        any work is done.
 * @param maxConcurrent   Images enhanced at the same time.
 * @param queue           Requests that may wait for a free slot; beyond that, 503 with Retry-After.
 * @param timeout         Time limit per request, waiting included; past it, 503 with Retry-After.
 */
@ConfigurationProperties(prefix = "enhance4j.service")
public record ServiceProperties(
        @DefaultValue("20MB") DataSize maxUploadSize,
        @DefaultValue("16777216") long maxOutputPixels,
        @DefaultValue("2") int maxConcurrent,
        @DefaultValue("4") int queue,
        @DefaultValue("60s") Duration timeout) {

    public ServiceProperties {
        if (maxUploadSize.toBytes() < 1 || maxUploadSize.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("enhance4j.service.max-upload-size must be between 1 byte and 2 GB");
        }
        if (maxOutputPixels < 1) {
            throw new IllegalArgumentException("enhance4j.service.max-output-pixels must be positive");
        }
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("enhance4j.service.max-concurrent must be at least 1");
        }
        if (queue < 0) {
            throw new IllegalArgumentException("enhance4j.service.queue must be 0 or more");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("enhance4j.service.timeout must be positive");
        }
    }
}
