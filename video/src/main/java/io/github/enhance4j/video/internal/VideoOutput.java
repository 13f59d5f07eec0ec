package io.github.enhance4j.video.internal;

import io.github.enhance4j.video.VideoOptions;
import io.github.enhance4j.video.VideoWriteException;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecDescriptor;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVOutputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_NONE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_PNG;
import static org.bytedeco.ffmpeg.global.avcodec.FF_COMPLIANCE_NORMAL;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_side_data_new;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_descriptor_get_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_NOFILE;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_ATTACHED_PIC;
import static org.bytedeco.ffmpeg.global.avformat.av_guess_format;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_query_codec;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_MPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_SUBTITLE;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_DICT_IGNORE_SUFFIX;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_copy;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt_name;
import static org.bytedeco.ffmpeg.global.avutil.av_inv_q;
import static org.bytedeco.ffmpeg.global.avutil.av_pix_fmt_desc_get;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

/**
 * The file being written: a muxer with one encoded video stream, fed enhanced frames, and the input's audio and
 * subtitle streams copied packet by packet. The encoder opens at the first frame, when the enhanced size is known;
 * packets of copied streams that come before it wait. Not thread-safe: one thread writes.
 */
public final class VideoOutput implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VideoOutput.class);

    /** The encoder to prefer for a codec where FFmpeg has several (H.264: x264 over OpenH264 and hardware ones). */
    private static final Map<String, List<String>> PREFERRED = Map.of(
            "h264", List.of("libx264", "libopenh264"),
            "hevc", List.of("libx265"),
            "vp9", List.of("libvpx-vp9"),
            "vp8", List.of("libvpx"),
            "av1", List.of("libsvtav1", "libaom-av1"));

    private final Path target;
    private final VideoInput input;
    private final VideoOptions options;
    private AVFormatContext muxer;
    private final AVCodec codec;
    private final AVStream videoStream;
    private final int[] streamMap;
    private final List<String> copied = new ArrayList<>();
    private final List<String> dropped = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<AVPacket> waiting = new ArrayList<>();
    private final FrameConverter converter = new FrameConverter();
    /** Frame durations by pts (encoder time base): encoders that reorder frames (x264) leave packet durations 0. */
    private final Map<Long, Long> durations = new HashMap<>();
    private AVCodecContext encoder;
    private AVFrame frame;
    private AVPacket packet;
    private AVRational encoderTimeBase;
    private int matrix;
    private boolean fullRange;
    private boolean headerWritten;
    private int width;
    private int height;

    /**
     * Prepares the muxer, the streams to copy and the encoder choice; writes nothing yet but creates {@code file}.
     *
     * @param target    the final name (for messages)
     * @param file      the file to write (a temporary file beside the target)
     * @param container the muxer's name
     * @param options   how to encode
     * @param input     the opened input, whose streams are copied
     * @throws VideoWriteException if the container, the encoder or the pair is not available
     */
    public VideoOutput(Path target, Path file, String container, VideoOptions options, VideoInput input) {
        Ffmpeg.load();
        this.target = target;
        this.input = input;
        this.options = options;
        AVFormatContext oc = new AVFormatContext(null);
        int r = avformat_alloc_output_context2(oc, null, container, file.toString());
        if (r < 0 || oc.isNull()) {
            throw new VideoWriteException(target, "FFmpeg has no muxer named '" + container + "'", null);
        }
        this.muxer = oc;
        try {
            this.codec = chooseEncoder(oc.oformat());
            this.videoStream = avformat_new_stream(oc, null);
            this.streamMap = planCopies(oc);
            AVDictionary metadata = new AVDictionary(null);
            av_dict_copy(metadata, input.format().metadata(), 0);
            oc.metadata(metadata);
            if ((oc.oformat().flags() & AVFMT_NOFILE) == 0) {
                AVIOContext pb = new AVIOContext(null);
                r = avio_open(pb, file.toString(), AVIO_FLAG_WRITE);
                if (r < 0) {
                    throw new VideoWriteException(target, "cannot create " + file + ": " + Ffmpeg.error(r), null);
                }
                oc.pb(pb);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * {@return the muxer for a file name's extension, or null}
     *
     * @param file a file whose extension names a container
     */
    public static String containerFor(Path file) {
        Ffmpeg.load();
        AVOutputFormat f = av_guess_format(null, file.getFileName().toString(), null);
        return f == null || f.isNull() ? null : Ffmpeg.string(f.name());
    }

    /**
     * {@return whether a file name's extension names a muxer that holds video (not a still-image writer)}
     *
     * @param file a file whose extension names a container
     */
    public static boolean canHoldVideo(Path file) {
        Ffmpeg.load();
        AVOutputFormat f = av_guess_format(null, file.getFileName().toString(), null);
        // audio containers (mp3, flac) name PNG as their video codec: it is for cover pictures
        if (f == null || f.isNull() || f.video_codec() == AV_CODEC_ID_NONE || f.video_codec() == AV_CODEC_ID_PNG) {
            return false;
        }
        String name = Ffmpeg.string(f.name());
        return !name.equals("image2") && !name.endsWith("_pipe") && !name.equals("apng") && !name.equals("gif")
                && !name.equals("webp");
    }

    private AVCodec chooseEncoder(AVOutputFormat format) {
        String container = Ffmpeg.string(format.name());
        AVCodec chosen;
        if (options.codec() != null) {
            chosen = avcodec_find_encoder_by_name(options.codec());
            if (chosen == null || chosen.isNull()) {
                AVCodecDescriptor d = avcodec_descriptor_get_by_name(options.codec());
                chosen = d == null || d.isNull() ? null : preferredEncoder(d.id());
            }
            if (chosen == null || chosen.isNull()) {
                throw new VideoWriteException(target, "this FFmpeg build has no encoder '" + options.codec()
                        + "'; try libx264, libx265, libvpx-vp9, libaom-av1, libsvtav1, mpeg4 or ffv1", null);
            }
        } else {
            int id = format.video_codec();
            if (id == AV_CODEC_ID_NONE) {
                throw new VideoWriteException(target, "the " + container + " container holds no video", null);
            }
            chosen = preferredEncoder(id);
            if (chosen == null) {
                throw new VideoWriteException(target, "this FFmpeg build has no encoder for "
                        + Ffmpeg.string(avcodec_get_name(id)) + ", the default codec of " + container
                        + "; choose one with VideoOptions.codec", null);
            }
        }
        if (avformat_query_codec(format, chosen.id(), FF_COMPLIANCE_NORMAL) == 0) {
            throw new VideoWriteException(target, "the " + container + " container cannot hold "
                    + Ffmpeg.string(avcodec_get_name(chosen.id())) + " video (encoder " + Ffmpeg.string(chosen.name())
                    + "); use .mkv, which holds any codec, or another codec", null);
        }
        return chosen;
    }

    private static AVCodec preferredEncoder(int id) {
        for (String name : PREFERRED.getOrDefault(Ffmpeg.string(avcodec_get_name(id)), List.of())) {
            AVCodec c = avcodec_find_encoder_by_name(name);
            if (c != null && !c.isNull()) {
                return c;
            }
        }
        AVCodec c = avcodec_find_encoder(id);
        return c == null || c.isNull() ? null : c;
    }

    /** Adds an output stream for each input stream to copy; returns the map from input to output index (-1: not). */
    private int[] planCopies(AVFormatContext oc) {
        AVFormatContext in = input.format();
        int[] map = new int[in.nb_streams()];
        Arrays.fill(map, -1);
        String container = Ffmpeg.string(oc.oformat().name());
        for (int i = 0; i < in.nb_streams(); i++) {
            if (i == input.videoIndex()) {
                continue;
            }
            AVStream s = in.streams(i);
            AVCodecParameters par = s.codecpar();
            int type = par.codec_type();
            String name = input.describe(i);
            if (type == AVMEDIA_TYPE_AUDIO && !options.audio() || type == AVMEDIA_TYPE_SUBTITLE && !options.subtitles()) {
                dropped.add(name + ": left out as asked");
            } else if (type != AVMEDIA_TYPE_AUDIO && type != AVMEDIA_TYPE_SUBTITLE) {
                dropped.add(name + ": " + (type == AVMEDIA_TYPE_VIDEO
                        ? ((s.disposition() & AV_DISPOSITION_ATTACHED_PIC) != 0 ? "a cover picture" : "a second video")
                        + ", not enhanced" : "not audio or subtitles"));
            } else if (avformat_query_codec(oc.oformat(), par.codec_id(), FF_COMPLIANCE_NORMAL) == 0) {
                dropped.add(name + ": " + container + " cannot hold it (.mkv can)");
            } else {
                AVStream out = avformat_new_stream(oc, null);
                check(avcodec_parameters_copy(out.codecpar(), par), "copying stream " + name);
                out.codecpar().codec_tag(0);
                out.time_base(s.time_base());
                out.disposition(s.disposition());
                AVDictionary metadata = new AVDictionary(null);
                av_dict_copy(metadata, s.metadata(), 0);
                out.metadata(metadata);
                map[i] = out.index();
                copied.add(name);
            }
        }
        for (String d : dropped) {
            LOG.info("{}: stream {}", input.file().getFileName(), d);
        }
        return map;
    }

    /**
     * {@return whether packets of an input stream go into the output}
     *
     * @param index the stream's index in the input
     */
    public boolean copies(int index) {
        return index >= 0 && index < streamMap.length && streamMap[index] >= 0;
    }

    /**
     * Encodes one enhanced frame (opening the encoder and writing the header at the first).
     *
     * @param image    the enhanced picture
     * @param pts      presentation time in the input video stream's time base
     * @param duration display time in the same units, or 0
     */
    public void writeFrame(BufferedImage image, long pts, long duration) {
        if (encoder == null) {
            openEncoder(image.getWidth(), image.getHeight());
        }
        check(av_frame_make_writable(frame), "preparing a frame");
        converter.toFrame(image, frame, matrix, fullRange);
        frame.pts(av_rescale_q(pts, input.timeBase(), encoderTimeBase));
        frame.duration(duration <= 0 ? 0 : Math.max(1, av_rescale_q(duration, input.timeBase(), encoderTimeBase)));
        durations.put(frame.pts(), frame.duration());
        encode(frame);
    }

    /**
     * Writes (or keeps until the header is written) a packet of a copied stream.
     *
     * @param p the packet, with its input stream index and time base; this method frees it
     */
    public void writePacket(AVPacket p) {
        if (!headerWritten) {
            waiting.add(p);
            return;
        }
        try {
            int in = p.stream_index();
            AVStream out = muxer.streams(streamMap[in]);
            av_packet_rescale_ts(p, input.format().streams(in).time_base(), out.time_base());
            p.stream_index(out.index());
            p.pos(-1);
            check(av_interleaved_write_frame(muxer, p), "writing a packet of stream " + input.describe(in));
        } finally {
            av_packet_free(p);
        }
    }

    /** Flushes the encoder and writes the container's index; the file is complete afterwards. */
    public void finish() {
        if (encoder == null) {
            throw new VideoWriteException(target, "no frame to write", null);
        }
        encode(null);
        check(av_write_trailer(muxer), "finishing the file");
        if (muxer.pb() != null && !muxer.pb().isNull()) {
            AVIOContext pb = muxer.pb();
            check(avio_closep(pb), "closing the file");
            muxer.pb(null);
        }
    }

    private void openEncoder(int imageWidth, int imageHeight) {
        AVCodecParameters in = input.videoStream().codecpar();
        int pixelFormat = pixelFormat(codec);
        AVPixFmtDescriptor desc = av_pix_fmt_desc_get(pixelFormat);
        int multipleW = 1 << desc.log2_chroma_w();
        int multipleH = 1 << desc.log2_chroma_h();
        width = (imageWidth + multipleW - 1) / multipleW * multipleW;
        height = (imageHeight + multipleH - 1) / multipleH * multipleH;
        String pixelFormatName = Ffmpeg.string(av_get_pix_fmt_name(pixelFormat));
        if (width != imageWidth || height != imageHeight) {
            note(String.format(Locale.ROOT, "the enhanced size %dx%d is odd, and %s in %s needs multiples of %dx%d:"
                    + " padded to %dx%d (last column/row repeated)", imageWidth, imageHeight,
                    Ffmpeg.string(codec.name()), pixelFormatName, multipleW, multipleH, width, height));
        }
        matrix = FrameConverter.matrix(in.color_space(), in.height());
        fullRange = in.color_range() == AVCOL_RANGE_JPEG;
        AVRational timeBase = input.timeBase();
        int r = tryOpen(pixelFormat, timeBase);
        if (r < 0 && input.frameRate().num() > 0) {
            // some encoders (mpeg4) refuse fine time bases such as 1/90000; the frame rate's is coarser
            AVRational coarse = av_inv_q(input.frameRate());
            avcodec_free_context(encoder);
            LOG.debug("{} refused time base {}/{} ({}); trying {}/{}", Ffmpeg.string(codec.name()), timeBase.num(),
                    timeBase.den(), Ffmpeg.error(r), coarse.num(), coarse.den());
            r = tryOpen(pixelFormat, coarse);
            if (r >= 0) {
                note("the encoder's time base is the frame rate's (" + coarse.num() + "/" + coarse.den()
                        + "): variable frame timing is rounded to it");
            }
        }
        if (r < 0) {
            throw new VideoWriteException(target, "the " + Ffmpeg.string(codec.name()) + " encoder does not open for "
                    + width + "x" + height + " " + pixelFormatName + ": " + Ffmpeg.error(r), null);
        }
        check(avcodec_parameters_from_context(videoStream.codecpar(), encoder), "video stream parameters");
        videoStream.time_base(encoderTimeBase);
        videoStream.avg_frame_rate(input.videoStream().avg_frame_rate());
        AVDictionary metadata = new AVDictionary(null);
        av_dict_copy(metadata, input.videoStream().metadata(), 0);
        av_dict_set(metadata, "encoder", (String) null, 0); // the input's encoder did not write these frames
        videoStream.metadata(metadata);
        videoStream.disposition(input.videoStream().disposition());
        copyDisplayMatrix();
        frame = av_frame_alloc();
        frame.format(pixelFormat).width(width).height(height);
        check(av_frame_get_buffer(frame, 0), "allocating a frame");
        packet = av_packet_alloc();
        check(avformat_write_header(muxer, (PointerPointer<?>) null), "writing the header");
        headerWritten = true;
        LOG.info("{}: {}x{} {} {} -> {}x{} {} {}, crf {}, {}", input.file().getFileName(), in.width(), in.height(),
                input.codecName(), String.format(Locale.ROOT, "%.3f fps", av_q2d(input.frameRate())), width, height,
                Ffmpeg.string(codec.name()), pixelFormatName, options.crf(), Ffmpeg.string(muxer.oformat().name()));
        for (AVPacket p : waiting) {
            writePacket(p);
        }
        waiting.clear();
    }

    private int tryOpen(int pixelFormat, AVRational timeBase) {
        encoder = avcodec_alloc_context3(codec);
        AVCodecParameters in = input.videoStream().codecpar();
        encoder.width(width).height(height).pix_fmt(pixelFormat).time_base(timeBase);
        if (input.frameRate().num() > 0) {
            encoder.framerate(input.frameRate());
        }
        encoder.sample_aspect_ratio(in.sample_aspect_ratio());
        encoder.colorspace(matrix);
        encoder.color_range(fullRange ? AVCOL_RANGE_JPEG : AVCOL_RANGE_MPEG);
        encoder.color_primaries(in.color_primaries());
        encoder.color_trc(in.color_trc());
        encoder.thread_count(0);
        if ((muxer.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
            encoder.flags(encoder.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
        }
        AVDictionary settings = new AVDictionary(null);
        String name = Ffmpeg.string(codec.name());
        av_dict_set(settings, "crf", Integer.toString(options.crf()), 0);
        if ((name.startsWith("libvpx") || name.equals("libaom-av1")) && !options.encoderOptions().containsKey("b")) {
            av_dict_set(settings, "b", "0", 0); // constant quality, not a bitrate capped by the CRF
        }
        if (options.preset() != null) {
            av_dict_set(settings, "preset", options.preset(), 0);
        }
        options.encoderOptions().forEach((k, v) -> av_dict_set(settings, k, v, 0));
        try {
            int r = avcodec_open2(encoder, codec, settings);
            if (r >= 0) {
                encoderTimeBase = encoder.time_base();
                List<String> unused = new ArrayList<>();
                AVDictionaryEntry e = null;
                while ((e = av_dict_get(settings, "", e, AV_DICT_IGNORE_SUFFIX)) != null && !e.isNull()) {
                    unused.add(Ffmpeg.string(e.key()));
                }
                if (unused.contains("crf")) {
                    note("the " + name + " encoder has no CRF; its own rate control is used (set a bitrate with"
                            + " encoderOption(\"b\", \"4M\"))");
                    unused.remove("crf");
                }
                if (!unused.isEmpty()) {
                    note("the " + name + " encoder ignored the options " + unused);
                }
            }
            return r;
        } finally {
            av_dict_free(settings);
        }
    }

    /** yuv420p where the encoder takes it (what players expect), else the encoder's first format. */
    private static int pixelFormat(AVCodec codec) {
        IntPointer formats = codec.pix_fmts();
        if (formats == null || formats.isNull()) {
            return AV_PIX_FMT_YUV420P;
        }
        int first = formats.get(0);
        for (int i = 0; formats.get(i) != -1; i++) {
            if (formats.get(i) == AV_PIX_FMT_YUV420P) {
                return AV_PIX_FMT_YUV420P;
            }
        }
        return first;
    }

    /** Keeps the input's rotation flag: the enhanced frames are stored as the input's were, and shown the same way. */
    private void copyDisplayMatrix() {
        AVPacketSideData matrixData = input.displayMatrix();
        if (matrixData == null) {
            return;
        }
        AVCodecParameters par = videoStream.codecpar();
        try (PointerPointer<AVPacketSideData> array = new PointerPointer<>(1);
             IntPointer count = new IntPointer(1)) {
            array.put(0, par.coded_side_data());
            count.put(par.nb_coded_side_data());
            AVPacketSideData added = av_packet_side_data_new(array, count, matrixData.type(), matrixData.size(), 0);
            if (added == null || added.isNull()) {
                throw new VideoWriteException(target, "out of memory copying the rotation", null);
            }
            BytePointer from = matrixData.data().capacity(matrixData.size());
            added.data().capacity(matrixData.size()).put(from);
            par.coded_side_data(new AVPacketSideData(array.get(0)));
            par.nb_coded_side_data(count.get());
        }
        note("rotation flag kept (" + input.rotation() + " degrees clockwise)");
    }

    private void encode(AVFrame f) {
        int r = avcodec_send_frame(encoder, f);
        if (r < 0 && !(f == null && r == AVERROR_EOF())) {
            throw new VideoWriteException(target, "the encoder refused a frame: " + Ffmpeg.error(r), null);
        }
        while (true) {
            r = avcodec_receive_packet(encoder, packet);
            if (r == AVERROR_EAGAIN() || r == AVERROR_EOF()) {
                return;
            }
            check(r, "encoding");
            Long duration = durations.remove(packet.pts());
            if (packet.duration() <= 0 && duration != null) {
                // the muxer needs it for the last frame's display time (MP4's edit list would cut that frame)
                packet.duration(duration);
            }
            packet.stream_index(videoStream.index());
            av_packet_rescale_ts(packet, encoderTimeBase, videoStream.time_base());
            check(av_interleaved_write_frame(muxer, packet), "writing a video packet");
        }
    }

    private void note(String text) {
        notes.add(text);
        LOG.info("{}: {}", input.file().getFileName(), text);
    }

    private void check(int code, String what) {
        if (code < 0) {
            throw new VideoWriteException(target, what + " failed: " + Ffmpeg.error(code), null);
        }
    }

    /** {@return the encoder's name} */
    public String encoderName() {
        return Ffmpeg.string(codec.name());
    }

    /** {@return the encoded width (0 before the first frame)} */
    public int width() {
        return width;
    }

    /** {@return the encoded height (0 before the first frame)} */
    public int height() {
        return height;
    }

    /** {@return the streams copied} */
    public List<String> copiedStreams() {
        return copied;
    }

    /** {@return the streams left out, with reasons} */
    public List<String> droppedStreams() {
        return dropped;
    }

    /** {@return adjustments made, one sentence each} */
    public List<String> notes() {
        return notes;
    }

    @Override
    public void close() {
        converter.close();
        for (AVPacket p : waiting) {
            av_packet_free(p);
        }
        waiting.clear();
        if (packet != null) {
            av_packet_free(packet);
            packet = null;
        }
        if (frame != null) {
            av_frame_free(frame);
            frame = null;
        }
        if (encoder != null) {
            avcodec_free_context(encoder);
            encoder = null;
        }
        if (muxer != null) {
            if (muxer.pb() != null && !muxer.pb().isNull()) {
                AVIOContext pb = muxer.pb();
                avio_closep(pb);
                muxer.pb(null);
            }
            avformat_free_context(muxer);
            muxer = null;
        }
    }
}
