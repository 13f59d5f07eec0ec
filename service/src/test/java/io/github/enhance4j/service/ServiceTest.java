package io.github.enhance4j.service;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The service on a random port with small limits and a test model, {@code slow}, that waits for {@link SlowModel}'s
 * gate. Every test class uses exactly this, so Spring's test context cache starts the application once for all.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "enhance4j.device=cpu",
        "enhance4j.max-pixels=40000",
        "enhance4j.service.max-upload-size=64KB",
        "enhance4j.service.max-output-pixels=160000",
        "enhance4j.service.max-concurrent=1",
        "enhance4j.service.queue=1",
        "enhance4j.service.timeout=3s",
        "logging.level.io.github.enhance4j=WARN"})
@Import(SlowModel.class)
@interface ServiceTest {
}
