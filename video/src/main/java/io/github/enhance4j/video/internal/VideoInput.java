package io.github.enhance4j.video.internal;

import io.github.enhance4j.video.VideoReadException;
import io.github.enhance4j.video.VideoReadException.Reason;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVProbeData;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntPredicate;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_DISPLAYMATRIX;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_CORRUPT;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_clone;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_side_data_get;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_ATTACHED_PIC;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_guess_frame_rate;
import static org.bytedeco.ffmpeg.global.avformat.av_probe_input_format2;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_INVALIDDATA;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_display_rotation_get;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_inv_q;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

/**
 * An opened video file: its container and streams, and a decoding loop that hands over the video stream's frames as
 * images (in presentation order, with their timestamps) and the packets of the streams to copy, in file order. Not
 * thread-safe: one thread opens, reads and closes it.
 */
public final class VideoInput implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VideoInput.class);

    /** Receives what {@link #read} decodes. */
    public interface Sink {
        /**
         * One decoded frame.
         *
         * @param image    the picture, a new image the sink owns
         * @param pts      presentation time in {@link #timeBase()} units
         * @param duration how long it shows, same units (0 if unknown)
         * @throws InterruptedException if the reading is being stopped
         */
        void frame(BufferedImage image, long pts, long duration) throws InterruptedException;

        /**
         * A packet of a copied stream.
         *
         * @param packet a new reference the sink owns and must free ({@code av_packet_free})
         * @throws InterruptedException if the reading is being stopped
         */
        void packet(AVPacket packet) throws InterruptedException;
    }

    private final Path file;
    private AVFormatContext format;
    private final int videoIndex;
    private final AVStream video;

    private VideoInput(Path file, AVFormatContext format, int videoIndex) {
        this.file = file;
        this.format = format;
        this.videoIndex = videoIndex;
        this.video = format.streams(videoIndex);
    }

    /**
     * Opens a video file and finds its main video stream.
     *
     * @param file the video file
     * @return the opened input, to be closed
     * @throws VideoReadException if it is missing, unreadable, not a video or damaged
     */
    public static VideoInput open(Path file) {
        Ffmpeg.load();
        if (!Files.exists(file)) {
            throw new VideoReadException(file, Reason.NOT_FOUND, "no such file", null);
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new VideoReadException(file, Reason.UNREADABLE, "not a readable file", null);
        }
        AVFormatContext format = new AVFormatContext(null);
        int r = avformat_open_input(format, file.toAbsolutePath().toString(), null, null);
        if (r < 0) {
            throw openFailure(file, r);
        }
        try {
            r = avformat_find_stream_info(format, (PointerPointer<?>) null);
            if (r < 0) {
                throw new VideoReadException(file, Reason.CORRUPT, "its streams cannot be read: " + Ffmpeg.error(r),
                        null);
            }
            String demuxer = Ffmpeg.string(format.iformat().name());
            if (isStillImageFormat(demuxer)) {
                throw new VideoReadException(file, Reason.NOT_A_VIDEO, TEXT_AS_VIDEO.contains(demuxer)
                        ? "a text file, not a video" : "a still image (" + demuxer + "), not a video", null);
            }
            int index = mainVideoStream(format);
            if (index < 0) {
                throw new VideoReadException(file, Reason.NOT_A_VIDEO, "no video stream in it (" + demuxer
                        + (format.nb_streams() > 0 ? ", sound or data only)" : ", no streams)"), null);
            }
            return new VideoInput(file, format, index);
        } catch (RuntimeException e) {
            avformat_close_input(format);
            throw e;
        }
    }

    /**
     * Demuxers that FFmpeg uses for single pictures (a picture is not a video here), and those that show text files
     * as pictures (ANSI art), which FFmpeg picks by the file's extension alone.
     */
    static boolean isStillImageFormat(String demuxer) {
        return demuxer.equals("image2") || demuxer.endsWith("_pipe") || TEXT_AS_VIDEO.contains(demuxer);
    }

    private static final java.util.Set<String> TEXT_AS_VIDEO = java.util.Set.of("tty", "bin", "xbin", "adf", "idf");

    /**
     * Tells a video by its first bytes alone, without the file name: a demuxer that is not a still image recognises
     * them. Cheap (reads 64 KiB), for scanning folders; {@link #open} then confirms there is a video stream.
     *
     * @param file any file
     * @return whether the content looks like a video container
     */
    public static boolean looksLikeVideo(Path file) {
        String demuxer = sniff(file);
        return demuxer != null && !isStillImageFormat(demuxer);
    }

    private static int mainVideoStream(AVFormatContext format) {
        int best = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, (PointerPointer<?>) null, 0);
        if (best >= 0 && (format.streams(best).disposition() & AV_DISPOSITION_ATTACHED_PIC) == 0) {
            return best;
        }
        for (int i = 0; i < format.nb_streams(); i++) {
            AVStream s = format.streams(i);
            if (s.codecpar().codec_type() == AVMEDIA_TYPE_VIDEO && (s.disposition() & AV_DISPOSITION_ATTACHED_PIC) == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Tells a damaged file of a known container from data no demuxer recognises. */
    private static VideoReadException openFailure(Path file, int code) {
        if (code != AVERROR_INVALIDDATA()) {
            return new VideoReadException(file, Reason.UNREADABLE, Ffmpeg.error(code), null);
        }
        String recognised = sniff(file);
        if (recognised == null || isStillImageFormat(recognised)) {
            return new VideoReadException(file, Reason.NOT_A_VIDEO, "not a video FFmpeg recognises", null);
        }
        return new VideoReadException(file, Reason.CORRUPT, "a " + recognised + " file that cannot be opened ("
                + Ffmpeg.error(code) + "): damaged, or cut short (MP4 and MOV keep their index at the end)", null);
    }

    /** {@return the name of the demuxer whose probe accepts the file's first bytes, or null} */
    static String sniff(Path file) {
        Ffmpeg.load();
        byte[] head = new byte[64 * 1024];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return null;
        }
        if (n == 0) {
            return null;
        }
        // FFmpeg's probes may read up to AVPROBE_PADDING_SIZE (32) bytes past the end: zeros there
        try (BytePointer buf = new BytePointer(n + 64L); AVProbeData probe = new AVProbeData()) {
            buf.put(head, 0, n);
            buf.position(n).put(new byte[64], 0, 64).position(0);
            probe.buf(buf).buf_size(n).filename(new BytePointer("")).mime_type(null);
            int[] score = {25};
            AVInputFormat f = av_probe_input_format2(probe, 1, score);
            return f == null || f.isNull() ? null : Ffmpeg.string(f.name());
        }
    }

    /** {@return the file} */
    public Path file() {
        return file;
    }

    /** {@return the demuxer's name, e.g. {@code mov,mp4,m4a,3gp,3g2,mj2}} */
    public String container() {
        return Ffmpeg.string(format.iformat().name());
    }

    /** {@return the format context (for the streams to copy); owned by this input} */
    public AVFormatContext format() {
        return format;
    }

    /** {@return the index of the video stream that is enhanced} */
    public int videoIndex() {
        return videoIndex;
    }

    /** {@return the video stream} */
    public AVStream videoStream() {
        return video;
    }

    /** {@return the video stream's time base} */
    public AVRational timeBase() {
        return video.time_base();
    }

    /** {@return the frame rate FFmpeg assumes (the average for variable frame rates)} */
    public AVRational frameRate() {
        return av_guess_frame_rate(format, video, null);
    }

    /** {@return the video codec's name, e.g. h264} */
    public String codecName() {
        return Ffmpeg.string(avcodec_get_name(video.codecpar().codec_id()));
    }

    /** {@return the frame count the container declares, or 0 if it declares none} */
    public long declaredFrames() {
        return Math.max(0, video.nb_frames());
    }

    /** {@return the video stream's duration in seconds, or 0 if unknown} */
    public double durationSeconds() {
        if (video.duration() != AV_NOPTS_VALUE && video.duration() > 0) {
            return video.duration() * av_q2d(video.time_base());
        }
        return format.duration() > 0 ? format.duration() / 1_000_000.0 : 0;
    }

    /** {@return the number of frames to expect: the declared count, else duration times frame rate; 0 if unknown} */
    public long expectedFrames() {
        if (declaredFrames() > 0) {
            return declaredFrames();
        }
        double fps = av_q2d(frameRate());
        return fps > 0 ? Math.round(durationSeconds() * fps) : 0;
    }

    /** {@return the display matrix side data of the video stream, or null} */
    public AVPacketSideData displayMatrix() {
        AVCodecParameters par = video.codecpar();
        AVPacketSideData sd = av_packet_side_data_get(par.coded_side_data(), par.nb_coded_side_data(),
                AV_PKT_DATA_DISPLAYMATRIX);
        return sd == null || sd.isNull() || sd.size() < 36 ? null : sd;
    }

    /** {@return the clockwise rotation in degrees a player applies (0, 90, 180, 270), from the display matrix} */
    public int rotation() {
        AVPacketSideData sd = displayMatrix();
        if (sd == null) {
            return 0;
        }
        double counterClockwise = av_display_rotation_get(new IntPointer(sd.data()));
        if (Double.isNaN(counterClockwise)) {
            return 0;
        }
        long clockwise = Math.round(-counterClockwise);
        return (int) (((clockwise % 360) + 360) % 360);
    }

    /**
     * Decodes the whole video stream in presentation order, handing frames and the packets of the streams that
     * {@code copy} accepts to the sink.
     *
     * @param sink receives frames and packets, on this thread
     * @param copy which other streams' packets to hand over, by input stream index
     * @return the number of frames decoded
     * @throws InterruptedException if this thread is interrupted (or the sink is)
     * @throws VideoReadException if the data is damaged, cut short or in a codec without decoder
     */
    public long read(Sink sink, IntPredicate copy) throws InterruptedException {
        AVCodecParameters par = video.codecpar();
        AVCodec codec = avcodec_find_decoder(par.codec_id());
        if (codec == null || codec.isNull()) {
            throw new VideoReadException(file, Reason.UNSUPPORTED_CODEC, "no decoder for its " + codecName()
                    + " video in this FFmpeg build", null);
        }
        AVCodecContext decoder = avcodec_alloc_context3(codec);
        AVPacket packet = av_packet_alloc();
        AVFrame frame = av_frame_alloc();
        FrameConverter converter = new FrameConverter();
        Decoding state = new Decoding();
        try {
            check(avcodec_parameters_to_context(decoder, par), "decoder parameters");
            decoder.pkt_timebase(video.time_base());
            decoder.thread_count(0);
            check(avcodec_open2(decoder, codec, (PointerPointer<?>) null), "opening the " + codecName() + " decoder");
            int r;
            while ((r = av_read_frame(format, packet)) >= 0) {
                try {
                    state.corrupt |= (packet.flags() & AV_PKT_FLAG_CORRUPT) != 0;
                    if (packet.pos() >= 0) {
                        state.dataEnd = Math.max(state.dataEnd, packet.pos() + packet.size());
                    }
                    if (packet.stream_index() == videoIndex) {
                        state.packets++;
                        send(decoder, packet, frame, converter, sink, state);
                    } else if (copy.test(packet.stream_index())) {
                        sink.packet(av_packet_clone(packet));
                    }
                } finally {
                    av_packet_unref(packet);
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
            if (r != AVERROR_EOF()) {
                throw new VideoReadException(file, state.frames > 0 ? Reason.TRUNCATED : Reason.CORRUPT,
                        "reading stopped after " + state.frames + " frames: " + Ffmpeg.error(r), null);
            }
            send(decoder, null, frame, converter, sink, state);
            finish(state);
            return state.frames;
        } finally {
            converter.close();
            av_frame_free(frame);
            av_packet_free(packet);
            avcodec_free_context(decoder);
        }
    }

    private void finish(Decoding state) {
        if (state.frames == 0) {
            throw new VideoReadException(file, Reason.CORRUPT, "no frame of its " + codecName() + " video decodes"
                    + (state.errors > 0 ? " (" + state.errors + " damaged packets: " + state.lastError + ")" : ""),
                    null);
        }
        long declared = declaredFrames();
        long size = fileSize();
        // A file cut short ends inside or right after the last packet read; a complete file whose container declares
        // more frames than it gives (an edit list that trims some) goes on past it (MP4's index, Matroska's cues).
        boolean endsAtData = size > 0 && state.dataEnd >= size;
        if (state.corrupt && endsAtData || declared > state.packets && endsAtData) {
            throw new VideoReadException(file, Reason.TRUNCATED, "it ends after " + state.packets + " video packets"
                    + (declared > 0 ? " of the " + declared + " frames its container declares" : ", inside a frame")
                    + ": a copy or download cut short?", null);
        }
        if (declared > state.packets) {
            LOG.debug("{}: {} of {} declared video packets (an edit list?)", file, state.packets, declared);
        }
        if (state.errors > 0) {
            LOG.warn("{}: {} damaged video packets skipped ({}); {} frames decoded", file, state.errors,
                    state.lastError, state.frames);
        }
    }

    private void send(AVCodecContext decoder, AVPacket packet, AVFrame frame, FrameConverter converter, Sink sink,
            Decoding state) throws InterruptedException {
        int r = avcodec_send_packet(decoder, packet);
        if (r < 0 && r != AVERROR_EOF()) {
            // like ffmpeg itself: a damaged packet is skipped and counted, the next keyframe recovers
            state.errors++;
            state.lastError = Ffmpeg.error(r);
            LOG.debug("{}: video packet {} does not decode: {}", file, state.packets, state.lastError);
            return;
        }
        while (true) {
            r = avcodec_receive_frame(decoder, frame);
            if (r == AVERROR_EAGAIN() || r == AVERROR_EOF()) {
                return;
            }
            if (r < 0) {
                state.errors++;
                state.lastError = Ffmpeg.error(r);
                return;
            }
            try {
                long pts = frame.best_effort_timestamp();
                if (pts == AV_NOPTS_VALUE) {
                    pts = state.nextPts;
                }
                long duration = frame.duration() > 0 ? frame.duration() : nominalDuration();
                if (state.frames > 0 && pts <= state.lastPts) {
                    // encoders need rising timestamps; a repeated or backwards one moves just past its predecessor
                    pts = state.lastPts + 1;
                }
                state.lastPts = pts;
                state.nextPts = pts + Math.max(1, duration);
                BufferedImage image = converter.toImage(frame);
                state.frames++;
                sink.frame(image, pts, duration);
            } finally {
                av_frame_unref(frame);
            }
        }
    }

    /** {@return one frame's time at the nominal frame rate, in the stream's time base; 0 if unknown} */
    private long nominalDuration() {
        AVRational rate = frameRate();
        return rate.num() > 0 && rate.den() > 0 ? Math.max(1, av_rescale_q(1, av_inv_q(rate), video.time_base())) : 0;
    }

    private void check(int code, String what) {
        if (code < 0) {
            throw new VideoReadException(file, Reason.CORRUPT, what + " failed: " + Ffmpeg.error(code), null);
        }
    }

    private long fileSize() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static final class Decoding {
        boolean corrupt;
        long dataEnd;
        long packets;
        long frames;
        long errors;
        String lastError;
        long lastPts = Long.MIN_VALUE;
        long nextPts;
    }

    /**
     * {@return a one-line description of a stream, e.g. {@code #1 audio aac}}
     *
     * @param index the stream's index in the input
     */
    public String describe(int index) {
        AVStream s = format.streams(index);
        return "#" + index + " " + Ffmpeg.string(org.bytedeco.ffmpeg.global.avutil.av_get_media_type_string(
                s.codecpar().codec_type())) + " " + Ffmpeg.string(avcodec_get_name(s.codecpar().codec_id()));
    }

    @Override
    public void close() {
        if (format != null) {
            avformat_close_input(format);
            format = null;
        }
    }
}
