/**
 * Video for enhance4j: {@link io.github.enhance4j.video.VideoEnhancer} enhances every frame of a video with an
 * {@link io.github.enhance4j.Enhancer} and writes a new file with the input's timing, sound and subtitles;
 * {@link io.github.enhance4j.video.VideoFiles} tells videos by their content and reads what they declare.
 *
 * <p>Built on FFmpeg's libraries as packaged for Java (the bytedeco presets, natives for the build's platform); no
 * {@code ffmpeg} program is needed. The default native build is FFmpeg's GPL one, which has x264 for H.264 with a
 * constant rate factor; swap the {@code org.bytedeco:ffmpeg} natives for the LGPL build to avoid the GPL (H.264 then
 * goes through OpenH264, without a CRF).
 *
 * <h2>Exceptions</h2>
 * As in the rest of enhance4j, failures are unchecked and extend {@link io.github.enhance4j.EnhanceException}:
 * {@link io.github.enhance4j.video.VideoReadException} (with a reason: missing, not a video, damaged, cut short, no
 * decoder) and {@link io.github.enhance4j.video.VideoWriteException} (no muxer or encoder, unwritable target).
 */
package io.github.enhance4j.video;
