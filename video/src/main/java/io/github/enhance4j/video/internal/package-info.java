/**
 * The FFmpeg side of enhance4j-video: demuxing and decoding, pixel conversion, encoding and muxing. Not an API:
 * these classes change without notice; use {@code io.github.enhance4j.video}.
 */
package io.github.enhance4j.video.internal;
