package io.github.enhance4j.samples.cli;

import io.github.enhance4j.video.VideoFiles;

import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

/**
 * Tells videos from images by content, whatever their names: a file an ImageIO reader recognises is an image (an
 * animated GIF too, as before), else one FFmpeg opens with a video stream is a video. A file neither opens is a video
 * when its name says so (a damaged {@code .mp4} then fails with the video reader's explanation), else an image (and
 * fails as one).
 */
final class MediaKind {

    private MediaKind() {
    }

    static boolean isVideo(Path file) {
        return !isImage(file) && (VideoFiles.isVideo(file) || VideoFiles.isVideoName(file));
    }

    private static boolean isImage(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            return in != null && ImageIO.getImageReaders(in).hasNext();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
