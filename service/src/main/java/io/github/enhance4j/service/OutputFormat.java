package io.github.enhance4j.service;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** The formats results can be written in; ImageIO's writers of the JDK. */
enum OutputFormat {
    PNG("png", "png", "image/png"),
    JPEG("jpeg", "jpg", "image/jpeg"),
    TIFF("tiff", "tif", "image/tiff"),
    BMP("bmp", "bmp", "image/bmp"),
    GIF("gif", "gif", "image/gif");

    private final String imageIoName;
    private final String extension;
    private final String mediaType;

    OutputFormat(String imageIoName, String extension, String mediaType) {
        this.imageIoName = imageIoName;
        this.extension = extension;
        this.mediaType = mediaType;
    }

    String imageIoName() {
        return imageIoName;
    }

    String extension() {
        return extension;
    }

    MediaType mediaType() {
        return MediaType.parseMediaType(mediaType);
    }

    /**
     * The format a request asks for, or for an empty request the input's own where it is JPEG (photos stay small)
     * and PNG otherwise.
     */
    static OutputFormat choose(String requested, String inputFormat) {
        if (requested == null || requested.isBlank()) {
            return "jpeg".equalsIgnoreCase(inputFormat) ? JPEG : PNG;
        }
        String r = requested.strip().toLowerCase(Locale.ROOT);
        for (OutputFormat f : values()) {
            if (r.equals(f.imageIoName) || r.equals(f.extension)) {
                return f;
            }
        }
        throw new ServiceException(HttpStatus.BAD_REQUEST, "bad-parameter", "Unknown output format",
                "format must be one of " + names() + (r.equals("webp") ? " (WebP can be read but not written)" : ""));
    }

    static String names() {
        return Arrays.stream(values()).map(f -> f.imageIoName)
                .collect(Collectors.joining(", "));
    }
}
