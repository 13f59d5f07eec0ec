package io.github.enhance4j.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.enhance4j.testing.HostileImages;
import io.micrometer.core.instrument.MeterRegistry;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ServiceTest
class EnhanceApiTest {

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry meters;

    Http http;
    static final byte[] PNG = HostileImages.encode(HostileImages.noise(32, 24, BufferedImage.TYPE_INT_RGB, 1), "png");
    static final byte[] JPEG = HostileImages.encode(HostileImages.noise(32, 24, BufferedImage.TYPE_INT_RGB, 2),
            "jpeg");

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void rawBody_answersTheEnhancedImageAtTheModelsScale() {
        HttpResponse<byte[]> response = http.post("/api/enhance", "image/png", PNG);
        BufferedImage out = Http.image(response);
        assertThat(out.getWidth()).isEqualTo(64);
        assertThat(out.getHeight()).isEqualTo(48);
        assertThat(response.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(response.headers().firstValue("X-Enhance4j-Model")).contains("sr-x2");
        assertThat(response.headers().firstValue("X-Enhance4j-Size")).contains("64x48");
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                v -> assertThat(v).contains("enhanced.png"));
    }

    @Test
    void multipart_keepsAJpegAJpeg() {
        HttpResponse<byte[]> response = http.multipart("/api/enhance", "image", "photo.jpg", "image/jpeg", JPEG);
        assertThat(Http.image(response).getWidth()).isEqualTo(64);
        assertThat(response.headers().firstValue("Content-Type")).contains("image/jpeg");
    }

    @Test
    void octetStream_isReadByItsBytes() {
        assertThat(Http.image(http.post("/api/enhance", "application/octet-stream", JPEG)).getHeight())
                .isEqualTo(48);
    }

    @Test
    void modelByName_choosesAConfiguredModel() {
        assertThat(Http.image(http.post("/api/enhance?model=sr-x4", "image/png", PNG)).getWidth()).isEqualTo(128);
        assertThat(Http.image(http.post("/api/enhance?model=seed-autoencoder", "image/png", PNG)).getWidth())
                .isEqualTo(32);
    }

    @Test
    void scaleOutscaleAndFormat_shapeTheResult() {
        BufferedImage x3 = Http.image(http.post("/api/enhance?scale=3", "image/png", PNG));
        assertThat(x3.getWidth()).isEqualTo(96);
        assertThat(x3.getHeight()).isEqualTo(72);
        BufferedImage x15 = Http.image(http.post("/api/enhance?outscale=1.5", "image/png", PNG));
        assertThat(x15.getWidth()).isEqualTo(48);
        BufferedImage restored = Http.image(http.post("/api/enhance?model=seed-autoencoder&scale=2", "image/png",
                PNG));
        assertThat(restored.getWidth()).isEqualTo(64);
        HttpResponse<byte[]> jpeg = http.post("/api/enhance?format=jpg", "image/png", PNG);
        assertThat(Http.image(jpeg).getWidth()).isEqualTo(64);
        assertThat(jpeg.headers().firstValue("Content-Type")).contains("image/jpeg");
    }

    @Test
    void unknownModel_is400ListingTheModels_andNeverAPath() {
        JsonNode problem = Http.problem(http.post("/api/enhance?model=nope", "image/png", PNG), 400);
        assertThat(problem.path("type").asText()).isEqualTo("urn:enhance4j:problem:unknown-model");
        assertThat(problem.path("detail").asText()).contains("'nope'", "sr-x2, sr-x4, seed-autoencoder");
        for (String path : List.of("../models/sr-x2.onnx", "/etc/passwd", "classpath:io/github/enhance4j/models/"
                + "sr-x2.onnx", "file:sr-x2")) {
            Http.problem(http.post("/api/enhance?model=" + java.net.URLEncoder.encode(path,
                    java.nio.charset.StandardCharsets.UTF_8), "image/png", PNG), 400);
        }
    }

    @Test
    void badParameters_are400() {
        assertThat(Http.problem(http.post("/api/enhance?scale=2&outscale=2", "image/png", PNG), 400)
                .path("detail").asText()).contains("not both");
        assertThat(Http.problem(http.post("/api/enhance?scale=9", "image/png", PNG), 400).path("detail").asText())
                .contains("1 to 8");
        assertThat(Http.problem(http.post("/api/enhance?outscale=0", "image/png", PNG), 400).path("detail")
                .asText()).contains("above 0");
        assertThat(Http.problem(http.post("/api/enhance?format=webp", "image/png", PNG), 400).path("detail")
                .asText()).contains("png, jpeg", "read but not written");
        Http.problem(http.post("/api/enhance?scale=two", "image/png", PNG), 400);
    }

    @Test
    void uploadAboveTheLimit_is413_rawAndMultipart() {
        byte[] big = new byte[100 * 1024];
        new Random(3).nextBytes(big);
        JsonNode raw = Http.problem(http.post("/api/enhance", "image/png", big), 413);
        assertThat(raw.path("detail").asText()).contains("65,536 bytes");
        JsonNode multipart = Http.problem(http.multipart("/api/enhance", "image", "big.png", "image/png", big), 413);
        assertThat(multipart.path("detail").asText()).contains("65,536 bytes");
    }

    @Test
    void imageDeclaringTooManyPixels_is413FromTheHeader_withTheSize() {
        for (String format : HostileImages.FORMATS) {
            byte[] bomb = HostileImages.declaring(format, 20000, 20000);
            JsonNode problem = Http.problem(http.post("/api/enhance", "image/" + format, bomb), 413);
            assertThat(problem.path("detail").asText()).as(format).contains("40,000");
            assertThat(problem.path("type").asText()).isEqualTo("urn:enhance4j:problem:image-too-large");
        }
        assertThat(Http.problem(http.post("/api/enhance", "image/png", HostileImages.declaring("png", 20000, 20000)),
                413).path("detail").asText()).contains("20000 x 20000 = 400,000,000 pixels");
    }

    @Test
    void resultAboveTheLimit_is422BeforeAnyWork_withTheSize() {
        byte[] png = HostileImages.encode(new BufferedImage(250, 150, BufferedImage.TYPE_INT_RGB), "png");
        JsonNode problem = Http.problem(http.post("/api/enhance?scale=3", "image/png", png), 422);
        assertThat(problem.path("detail").asText()).contains("750 x 450 = 337,500 pixels", "160,000");
        JsonNode x4 = Http.problem(http.post("/api/enhance?model=sr-x4&outscale=1", "image/png", png), 422);
        assertThat(x4.path("detail").asText()).contains("1000 x 600", "before resizing");
    }

    @Test
    void brokenInputs_getTheirOwnProblems() {
        assertThat(Http.problem(http.post("/api/enhance", "image/png", HostileImages.truncated(PNG, PNG.length / 2)),
                422).path("type").asText()).isEqualTo("urn:enhance4j:problem:corrupt-image");
        assertThat(Http.problem(http.post("/api/enhance", "image/jpeg", HostileImages.truncated(JPEG, 300)), 422)
                .path("detail").asText()).startsWith("The image could not be decoded");
        byte[] noise = new byte[2000];
        new Random(5).nextBytes(noise);
        assertThat(Http.problem(http.post("/api/enhance", "image/png", noise), 415).path("detail").asText())
                .contains("PNG, JPEG");
        Http.problem(http.post("/api/enhance", "image/png", new byte[0]), 400);
        Http.problem(http.post("/api/enhance", "text/plain", "hello".getBytes()), 415);
        Http.problem(http.multipart("/api/enhance", "file", "x.png", "image/png", PNG), 400);
        for (int seed = 0; seed < 20; seed++) {
            HttpResponse<byte[]> r = http.post("/api/enhance", "image/png", HostileImages.bitFlipped(PNG, 8, seed));
            if (r.statusCode() != 200) {
                Http.problem(r, r.statusCode());
                assertThat(r.statusCode()).isIn(415, 422);
            }
        }
    }

    @Test
    void failures_areCountedByReason() {
        http.post("/api/enhance", "image/png", HostileImages.declaring("png", 20000, 20000));
        assertThat(meters.get("enhance4j.failures").tag("model", "sr-x2").tag("reason", "too_large").counter()
                .count()).isPositive();
        http.post("/api/enhance", "image/png", PNG);
        assertThat(meters.get("enhance4j.enhance").tag("model", "sr-x2").timer().count()).isPositive();
    }

    @Test
    void models_areListedWithWhatEachIsFor() {
        JsonNode body = Http.json(http.get("/api/models"));
        assertThat(body.path("default").asText()).isEqualTo("sr-x2");
        List<String> names = new ArrayList<>();
        body.path("models").forEach(m -> names.add(m.path("name").asText()));
        assertThat(names).containsExactly("sr-x2", "sr-x4", "seed-autoencoder", "restore", "restore-x2", "restore-x4", "slow");
        JsonNode first = body.path("models").get(0);
        assertThat(first.path("scale").asInt()).isEqualTo(2);
        assertThat(first.path("description").asText()).contains("super-resolution");
        assertThat(first.path("device").asText()).isEqualTo("cpu");
        assertThat(body.path("limits").path("maxPixels").asLong()).isEqualTo(40000);
    }

    @Test
    void health_isUpWithTheDefaultModel() {
        HttpResponse<byte[]> response = http.get("/actuator/health");
        assertThat(new String(response.body())).doesNotContain("/tmp", "\"path\"");
        JsonNode health = Http.json(response);
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("enhance4j").path("details").path("model").asText())
                .isEqualTo("sr-x2");
    }

    @Test
    void unknownPathsAndMethods_areProblemsToo() {
        Http.problem(http.get("/api/nothing"), 404);
        Http.problem(http.get("/api/enhance"), 405);
    }

    @Test
    void page_isServedWithAStrictContentSecurityPolicy() {
        HttpResponse<byte[]> page = http.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(new String(page.body())).contains("<title>enhance4j</title>", "app.js");
        assertThat(page.headers().firstValue("Content-Security-Policy")).contains(WebConfiguration.CSP);
        assertThat(http.get("/app.js").statusCode()).isEqualTo(200);
    }
}
