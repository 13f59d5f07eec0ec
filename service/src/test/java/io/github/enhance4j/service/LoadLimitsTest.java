package io.github.enhance4j.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.enhance4j.testing.HostileImages;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Concurrency, the queue and the time limit, with the test model {@code slow} (one worker, one place queued). */
@ServiceTest
class LoadLimitsTest {

    @LocalServerPort
    int port;
    Http http;
    static final byte[] PNG = HostileImages.encode(HostileImages.noise(16, 12, BufferedImage.TYPE_INT_RGB, 1), "png");

    @BeforeEach
    void closeTheGate() {
        http = new Http(port);
        SlowModel.close();
    }

    @AfterEach
    void openTheGate() {
        SlowModel.open();
    }

    @Test
    void fullQueue_is503WithRetryAfter_whileOtherEndpointsStillAnswer() throws Exception {
        CompletableFuture<HttpResponse<byte[]>> running = http.postAsync("/api/enhance?model=slow", "image/png", PNG);
        assertThat(SlowModel.awaitEntered(1)).isTrue();
        CompletableFuture<HttpResponse<byte[]>> queued = http.postAsync("/api/enhance?model=slow", "image/png", PNG);
        Thread.sleep(300); // let it take the queue's place

        HttpResponse<byte[]> refused = http.post("/api/enhance", "image/png", PNG);
        JsonNode problem = Http.problem(refused, 503);
        assertThat(problem.path("type").asText()).isEqualTo("urn:enhance4j:problem:busy");
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L));

        long start = System.nanoTime();
        assertThat(Http.json(http.get("/api/models")).path("models").size()).isEqualTo(7);
        assertThat(Http.json(http.get("/actuator/health")).path("status").asText()).isEqualTo("UP");
        assertThat(http.get("/").statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));

        SlowModel.open();
        assertThat(Http.image(running.get(20, TimeUnit.SECONDS)).getWidth()).isEqualTo(16);
        assertThat(Http.image(queued.get(20, TimeUnit.SECONDS)).getWidth()).isEqualTo(16);
        assertThat(Http.image(http.post("/api/enhance", "image/png", PNG)).getWidth()).isEqualTo(32);
    }

    @Test
    void slowImage_is503AfterTheTimeLimit_andTheServiceRecovers() throws Exception {
        long start = System.nanoTime();
        HttpResponse<byte[]> late = http.post("/api/enhance?model=slow", "image/png", PNG);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        JsonNode problem = Http.problem(late, 503);
        assertThat(problem.path("type").asText()).isEqualTo("urn:enhance4j:problem:timeout");
        assertThat(problem.path("detail").asText()).contains("within 3 s");
        assertThat(late.headers().firstValue("Retry-After")).isPresent();
        assertThat(took).isBetween(Duration.ofMillis(2500), Duration.ofSeconds(15));

        // the timed-out work still holds the worker until it ends: then the next image goes through
        SlowModel.open();
        assertThat(Http.image(http.post("/api/enhance", "image/png", PNG)).getWidth()).isEqualTo(32);
    }

    @Test
    void requestTimedOutInTheQueue_neverRuns_andGivesItsPlaceBack() throws Exception {
        CompletableFuture<HttpResponse<byte[]>> running = http.postAsync("/api/enhance?model=slow", "image/png", PNG);
        assertThat(SlowModel.awaitEntered(1)).isTrue();
        HttpResponse<byte[]> waited = http.post("/api/enhance?model=slow", "image/png", PNG);
        Http.problem(waited, 503);
        // the first holds the worker; the queue place of the second is free again
        CompletableFuture<HttpResponse<byte[]>> next = http.postAsync("/api/enhance", "image/png", PNG);
        Thread.sleep(300);
        SlowModel.open();
        Http.problem(running.get(20, TimeUnit.SECONDS), 503); // also past its limit by now
        assertThat(Http.image(next.get(20, TimeUnit.SECONDS)).getWidth()).isEqualTo(32);
        assertThat(SlowModel.ENTERED.availablePermits()).as("the timed-out queued request never ran").isZero();
    }
}
