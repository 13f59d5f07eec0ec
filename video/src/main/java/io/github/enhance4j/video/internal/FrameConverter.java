package io.github.enhance4j.video.internal;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.WritableRaster;

import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_RGB;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_UNSPECIFIED;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.swscale.SWS_ACCURATE_RND;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.SWS_FULL_CHR_H_INP;
import static org.bytedeco.ffmpeg.global.swscale.SWS_FULL_CHR_H_INT;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCoefficients;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.ffmpeg.global.swscale.sws_setColorspaceDetails;

/**
 * Moves pictures between FFmpeg frames (any pixel format) and {@code TYPE_3BYTE_BGR} images, with the frame's own
 * YUV matrix and range, through libswscale. One converter per thread: it keeps its scaler and buffer between calls.
 */
final class FrameConverter implements AutoCloseable {

    private static final int FLAGS = SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT | SWS_FULL_CHR_H_INP;
    private static final int ALIGN = 64;

    private SwsContext sws;
    private BytePointer bgr;
    private long bgrCapacity;
    private byte[] row = new byte[0];

    /**
     * The matrix a frame's YUV values were made with: its own tag, else what players assume for its height
     * (BT.709 from 720 lines up, BT.601 below).
     */
    static int matrix(int colorspace, int height) {
        if (colorspace == AVCOL_SPC_UNSPECIFIED || colorspace == AVCOL_SPC_RGB || colorspace > 14) {
            return height >= 720 ? AVCOL_SPC_BT709 : AVCOL_SPC_SMPTE170M;
        }
        return colorspace;
    }

    /** {@return the frame as a new 8-bit BGR image} */
    BufferedImage toImage(AVFrame frame) {
        int w = frame.width();
        int h = frame.height();
        int stride = align(w * 3);
        BytePointer buffer = buffer((long) stride * h);
        sws = sws_getCachedContext(sws, w, h, frame.format(), w, h, AV_PIX_FMT_BGR24, FLAGS, null, null,
                (DoublePointer) null);
        if (sws == null || sws.isNull()) {
            throw new IllegalStateException("libswscale cannot convert pixel format " + frame.format() + " to BGR");
        }
        IntPointer coefficients = sws_getCoefficients(matrix(frame.colorspace(), h));
        sws_setColorspaceDetails(sws, coefficients, frame.color_range() == AVCOL_RANGE_JPEG ? 1 : 0, coefficients, 1,
                0, 1 << 16, 1 << 16);
        try (PointerPointer<?> dst = new PointerPointer<>(1).put(0, buffer);
             IntPointer dstStride = new IntPointer(1).put(0, stride)) {
            sws_scale(sws, frame.data(), frame.linesize(), 0, h, dst, dstStride);
        }
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        if (stride == w * 3) {
            buffer.position(0).get(pixels, 0, w * 3 * h);
        } else {
            for (int y = 0; y < h; y++) {
                buffer.position((long) y * stride).get(pixels, y * w * 3, w * 3);
            }
        }
        buffer.position(0);
        return image;
    }

    /**
     * Writes an image into a frame of the encoder's size and pixel format. When the frame is one or two pixels
     * larger than the image (an odd size padded to the encoder's multiple) the last column and row are repeated;
     * an image of another size (a video whose frames change size) is scaled to the frame.
     *
     * @param image      the enhanced picture
     * @param frame      a writable frame with its format, width and height set
     * @param matrix     the YUV matrix to encode with ({@code AVCOL_SPC_*})
     * @param fullRange  whether the frame's YUV uses the full 0-255 range
     */
    void toFrame(BufferedImage image, AVFrame frame, int matrix, boolean fullRange) {
        int fw = frame.width();
        int fh = frame.height();
        boolean pad = image.getWidth() <= fw && image.getHeight() <= fh && fw - image.getWidth() < 16
                && fh - image.getHeight() < 16;
        int w = pad ? fw : image.getWidth();
        int h = pad ? fh : image.getHeight();
        int stride = align(w * 3);
        BytePointer buffer = buffer((long) stride * h);
        copyPadded(image, buffer, stride, w, h);
        sws = sws_getCachedContext(sws, w, h, AV_PIX_FMT_BGR24, fw, fh, frame.format(), FLAGS, null, null,
                (DoublePointer) null);
        if (sws == null || sws.isNull()) {
            throw new IllegalStateException("libswscale cannot convert BGR to pixel format " + frame.format());
        }
        IntPointer coefficients = sws_getCoefficients(matrix);
        sws_setColorspaceDetails(sws, coefficients, 1, coefficients, fullRange ? 1 : 0, 0, 1 << 16, 1 << 16);
        try (PointerPointer<?> src = new PointerPointer<>(1).put(0, buffer);
             IntPointer srcStride = new IntPointer(1).put(0, stride)) {
            sws_scale(sws, src, srcStride, 0, h, frame.data(), frame.linesize());
        }
    }

    /** Copies the image's pixels as BGR rows of {@code w x h}, repeating its last column and row to fill them. */
    private void copyPadded(BufferedImage image, BytePointer buffer, int stride, int w, int h) {
        int iw = image.getWidth();
        int ih = image.getHeight();
        if (row.length < stride) {
            row = new byte[stride];
        }
        WritableRaster raster = image.getRaster();
        byte[] bytes = image.getType() == BufferedImage.TYPE_3BYTE_BGR && raster.getParent() == null
                ? ((DataBufferByte) raster.getDataBuffer()).getData() : null;
        int[] ints = (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_INT_ARGB)
                && raster.getParent() == null ? ((DataBufferInt) raster.getDataBuffer()).getData() : null;
        int[] argb = bytes == null && ints == null ? new int[iw] : null;
        for (int y = 0; y < h; y++) {
            int sy = Math.min(y, ih - 1);
            if (y < ih) {
                if (bytes != null) {
                    System.arraycopy(bytes, sy * iw * 3, row, 0, iw * 3);
                } else {
                    int[] src = ints;
                    int offset = sy * iw;
                    if (src == null) {
                        image.getRGB(0, sy, iw, 1, argb, 0, iw);
                        src = argb;
                        offset = 0;
                    }
                    for (int x = 0, i = 0; x < iw; x++) {
                        int p = src[offset + x];
                        row[i++] = (byte) p;
                        row[i++] = (byte) (p >> 8);
                        row[i++] = (byte) (p >> 16);
                    }
                }
                for (int x = iw; x < w; x++) {
                    row[x * 3] = row[(iw - 1) * 3];
                    row[x * 3 + 1] = row[(iw - 1) * 3 + 1];
                    row[x * 3 + 2] = row[(iw - 1) * 3 + 2];
                }
            }
            // rows past the image keep the last row, still in row[]
            buffer.position((long) y * stride).put(row, 0, w * 3);
        }
        buffer.position(0);
    }

    private BytePointer buffer(long bytes) {
        if (bgr == null || bgrCapacity < bytes) {
            if (bgr != null) {
                bgr.close();
            }
            bgr = new BytePointer(bytes + ALIGN);
            bgrCapacity = bytes;
        }
        return bgr;
    }

    private static int align(int bytes) {
        return (bytes + ALIGN - 1) / ALIGN * ALIGN;
    }

    @Override
    public void close() {
        if (sws != null) {
            sws_freeContext(sws);
            sws = null;
        }
        if (bgr != null) {
            bgr.close();
            bgr = null;
        }
    }
}
