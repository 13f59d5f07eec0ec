package io.github.enhance4j.service;

import io.github.enhance4j.ModelInfo;
import io.github.enhance4j.spring.boot.EnhancerRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code POST /api/enhance} (raw image body or multipart field {@code image}) and {@code GET /api/models}. */
@RestController
class EnhanceController {

    private final EnhanceService service;

    EnhanceController(EnhanceService service) {
        this.service = service;
    }

    @PostMapping(path = "/api/enhance", consumes = {"image/*", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    CompletableFuture<ResponseEntity<Resource>> enhanceBody(HttpServletRequest request,
            @RequestParam(name = "model", required = false) String model, @RequestParam(name = "scale", required = false) Integer scale,
            @RequestParam(name = "outscale", required = false) Double outscale, @RequestParam(name = "format", required = false) String format) {
        EnhanceService.Job job = service.prepare(model, scale, outscale, format);
        long limit = service.limits().maxUploadSize().toBytes();
        if (request.getContentLengthLong() > limit) {
            throw uploadTooLarge(limit); // before taking a slot or reading a byte
        }
        EnhanceService.Slot slot = service.admit(job);
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) limit + 1);
        } catch (IOException e) {
            slot.release();
            throw new ServiceException(HttpStatus.BAD_REQUEST, "upload-failed", "Upload failed",
                    "The image could not be received completely.");
        } catch (RuntimeException e) {
            slot.release();
            throw e;
        }
        if (body.length > limit) {
            slot.release();
            throw uploadTooLarge(limit);
        }
        return service.submit(slot, job, body).thenApply(EnhanceController::respond);
    }

    @PostMapping(path = "/api/enhance", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    CompletableFuture<ResponseEntity<Resource>> enhanceMultipart(@RequestPart("image") MultipartFile image,
            @RequestParam(name = "model", required = false) String model, @RequestParam(name = "scale", required = false) Integer scale,
            @RequestParam(name = "outscale", required = false) Double outscale, @RequestParam(name = "format", required = false) String format) {
        EnhanceService.Job job = service.prepare(model, scale, outscale, format);
        long limit = service.limits().maxUploadSize().toBytes();
        if (image.getSize() > limit) {
            throw uploadTooLarge(limit);
        }
        EnhanceService.Slot slot = service.admit(job);
        byte[] body;
        try {
            body = image.getBytes();
        } catch (IOException | RuntimeException e) {
            slot.release();
            throw new ServiceException(HttpStatus.BAD_REQUEST, "upload-failed", "Upload failed",
                    "The image could not be received completely.");
        }
        return service.submit(slot, job, body).thenApply(EnhanceController::respond);
    }

    @GetMapping(path = "/api/models", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> models() {
        EnhancerRegistry registry = service.registry();
        List<Map<String, Object>> models = registry.models().stream().map(m -> {
            ModelInfo info = m.info();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", m.name());
            entry.put("description", m.description());
            entry.put("scale", info.scale());
            entry.put("default", m.name().equals(registry.defaultName()));
            entry.put("backend", info.backend());
            entry.put("device", info.device());
            return entry;
        }).toList();
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("maxUploadBytes", service.limits().maxUploadSize().toBytes());
        limits.put("maxPixels", service.maxPixels());
        limits.put("maxOutputPixels", service.limits().maxOutputPixels());
        limits.put("maxScale", 8);
        limits.put("formats", OutputFormat.names().split(", "));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("default", registry.defaultName());
        body.put("models", models);
        body.put("limits", limits);
        return body;
    }

    private static ServiceException uploadTooLarge(long limit) {
        return new ServiceException(HttpStatus.PAYLOAD_TOO_LARGE, "upload-too-large", "Upload too large",
                "The upload is larger than " + EnhanceService.number(limit) + " bytes, the most this service takes.");
    }

    private static ResponseEntity<Resource> respond(EnhanceService.Result r) {
        return ResponseEntity.ok()
                .contentType(r.format().mediaType())
                .header("Content-Disposition", ContentDisposition.inline()
                        .filename("enhanced." + r.format().extension()).build().toString())
                .header("X-Enhance4j-Model", r.model())
                .header("X-Enhance4j-Size", r.width() + "x" + r.height())
                .body(new TemporaryFile(r));
    }

    /** The encoded result, streamed once and deleted as its stream closes. */
    private static final class TemporaryFile extends AbstractResource {
        private final EnhanceService.Result result;

        TemporaryFile(EnhanceService.Result result) {
            this.result = result;
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return Files.newInputStream(result.file(), StandardOpenOption.DELETE_ON_CLOSE);
        }

        @Override
        public long contentLength() {
            try {
                return Files.size(result.file());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public boolean exists() {
            return true;
        }

        @Override
        public String getDescription() {
            return "enhanced image";
        }
    }
}
