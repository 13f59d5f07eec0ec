package io.github.enhance4j.video.testing;

import io.github.enhance4j.video.internal.Ffmpeg;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

/**
 * Short video clips made in code for the tests (no video files in the repository): a moving gradient, optionally
 * with a sine tone (AAC), a SubRip subtitle, a rotation flag and irregular frame times; and a report of what a file
 * holds, read back with FFmpeg and every frame decoded. In the test-jar, for the command line's tests.
 */
public final class TestClips {

    /** What to write. Frame times are in milliseconds. */
    public static final class Spec {
        int width = 64;
        int height = 48;
        int frames = 10;
        int fps = 10;
        String codec = "mpeg4";
        String container = "mp4";
        boolean audio;
        boolean subtitle;
        int rotation;
        long[] ptsMillis;
        String muxerOptions;
        java.awt.image.BufferedImage picture;

        /** Frames show a window panning across this picture (enlarged to cover twice the frame) instead of a gradient. */
        public Spec picture(java.awt.image.BufferedImage p) {
            picture = p;
            return this;
        }

        public Spec size(int w, int h) {
            width = w;
            height = h;
            return this;
        }

        public Spec frames(int n) {
            frames = n;
            return this;
        }

        public Spec fps(int f) {
            fps = f;
            return this;
        }

        public Spec codec(String c) {
            codec = c;
            return this;
        }

        public Spec container(String c) {
            container = c;
            return this;
        }

        public Spec audio() {
            audio = true;
            return this;
        }

        public Spec subtitle() {
            subtitle = true;
            return this;
        }

        public Spec rotation(int clockwise) {
            rotation = clockwise;
            return this;
        }

        /** Variable frame rate: these presentation times, one per frame. */
        public Spec ptsMillis(long... pts) {
            ptsMillis = pts;
            frames = pts.length;
            return this;
        }

        public Spec muxerOptions(String opts) {
            muxerOptions = opts;
            return this;
        }

        long pts(int i) {
            return ptsMillis != null ? ptsMillis[i] : Math.round(i * 1000.0 / fps);
        }

        long durationMillis() {
            return ptsMillis != null ? ptsMillis[frames - 1] + 1000 / fps : Math.round(frames * 1000.0 / fps);
        }
    }

    /** Encoders leave packet durations 0; the MP4 muxer needs them for the last frame. */
    private static final java.util.Map<Long, Long> durations = new java.util.concurrent.ConcurrentHashMap<>();

    private TestClips() {
    }

    public static Spec spec() {
        return new Spec();
    }

    public static Path write(Path file, Spec spec) {
        Ffmpeg.load();
        AVRational ms = av_make_q(1, 1000);
        AVFormatContext oc = new AVFormatContext(null);
        check(avformat_alloc_output_context2(oc, null, spec.container, file.toString()), "muxer");
        AVCodec vcodec = avcodec_find_encoder_by_name(spec.codec);
        AVCodecContext v = avcodec_alloc_context3(vcodec);
        v.width(spec.width).height(spec.height).pix_fmt(AV_PIX_FMT_YUV420P).time_base(ms)
                .framerate(av_make_q(spec.fps, 1)).gop_size(spec.picture != null ? 2 * spec.fps : 5);
        if ((oc.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
            v.flags(v.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
        }
        AVDictionary vopts = new AVDictionary(null);
        if (spec.codec.equals("libx264")) {
            av_dict_set(vopts, "preset", spec.picture != null ? "medium" : "ultrafast", 0);
            av_dict_set(vopts, "crf", "18", 0);
        }
        check(avcodec_open2(v, vcodec, vopts), "video encoder");
        av_dict_free(vopts);
        AVStream vs = avformat_new_stream(oc, null);
        check(avcodec_parameters_from_context(vs.codecpar(), v), "video parameters");
        vs.time_base(ms);
        if (spec.rotation != 0) {
            addRotation(vs.codecpar(), spec.rotation);
        }
        AVCodecContext a = null;
        AVStream as = null;
        if (spec.audio) {
            AVCodec acodec = avcodec_find_encoder_by_name("aac");
            a = avcodec_alloc_context3(acodec);
            a.sample_rate(44100).sample_fmt(AV_SAMPLE_FMT_FLTP).time_base(av_make_q(1, 44100)).bit_rate(64000);
            av_channel_layout_default(a.ch_layout(), 1);
            if ((oc.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
                a.flags(a.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
            }
            check(avcodec_open2(a, acodec, (AVDictionary) null), "audio encoder");
            as = avformat_new_stream(oc, null);
            check(avcodec_parameters_from_context(as.codecpar(), a), "audio parameters");
            as.time_base(a.time_base());
        }
        AVStream ss = null;
        if (spec.subtitle) {
            ss = avformat_new_stream(oc, null);
            ss.codecpar().codec_type(AVMEDIA_TYPE_SUBTITLE).codec_id(AV_CODEC_ID_SUBRIP);
            ss.time_base(ms);
        }
        AVIOContext pb = new AVIOContext(null);
        check(avio_open(pb, file.toString(), AVIO_FLAG_WRITE), "open");
        oc.pb(pb);
        AVDictionary mopts = new AVDictionary(null);
        if (spec.muxerOptions != null) {
            av_dict_set(mopts, "movflags", spec.muxerOptions, 0);
        }
        check(avformat_write_header(oc, mopts), "header");
        av_dict_free(mopts);

        AVPacket pkt = av_packet_alloc();
        durations.clear();
        AVFrame frame = av_frame_alloc();
        frame.format(AV_PIX_FMT_YUV420P).width(spec.width).height(spec.height);
        check(av_frame_get_buffer(frame, 0), "frame");
        long audioSamples = spec.audio ? spec.durationMillis() * 44100 / 1000 : 0;
        long audioDone = 0;
        AVFrame af = null;
        if (a != null) {
            af = av_frame_alloc();
            af.format(AV_SAMPLE_FMT_FLTP).nb_samples(a.frame_size()).sample_rate(44100);
            av_channel_layout_copy(af.ch_layout(), a.ch_layout());
            check(av_frame_get_buffer(af, 0), "audio frame");
        }
        if (ss != null) {
            byte[] text = "Hello".getBytes(StandardCharsets.UTF_8);
            AVPacket sp = av_packet_alloc();
            check(av_new_packet(sp, text.length), "subtitle packet");
            sp.data().put(text);
            sp.pts(0).dts(0).duration(500).stream_index(ss.index());
            av_packet_rescale_ts(sp, ms, ss.time_base());
            check(av_interleaved_write_frame(oc, sp), "subtitle");
            av_packet_free(sp);
        }
        for (int i = 0; i < spec.frames; i++) {
            check(av_frame_make_writable(frame), "writable");
            if (spec.picture != null) {
                fillFromPicture(frame, i, spec);
            } else {
                fill(frame, i, spec.width, spec.height);
            }
            frame.pts(spec.pts(i));
            frame.duration(i + 1 < spec.frames ? spec.pts(i + 1) - spec.pts(i) : 1000 / spec.fps);
            durations.put(frame.pts(), frame.duration());
            encode(oc, v, frame, pkt, vs);
            long until = spec.audio ? Math.min(audioSamples, spec.pts(i) * 44100 / 1000 + 4096) : 0;
            while (af != null && audioDone < until) {
                check(av_frame_make_writable(af), "writable");
                FloatPointer samples = new FloatPointer(af.data(0)).capacity(af.nb_samples());
                for (int s = 0; s < af.nb_samples(); s++) {
                    samples.put(s, (float) (0.3 * Math.sin(2 * Math.PI * 440 * (audioDone + s) / 44100.0)));
                }
                af.pts(audioDone);
                audioDone += af.nb_samples();
                encode(oc, a, af, pkt, as);
            }
        }
        while (af != null && audioDone < audioSamples) {
            check(av_frame_make_writable(af), "writable");
            af.pts(audioDone);
            audioDone += af.nb_samples();
            encode(oc, a, af, pkt, as);
        }
        encode(oc, v, null, pkt, vs);
        if (a != null) {
            encode(oc, a, null, pkt, as);
        }
        check(av_write_trailer(oc), "trailer");
        avio_closep(oc.pb());
        av_frame_free(frame);
        if (af != null) {
            av_frame_free(af);
        }
        av_packet_free(pkt);
        avcodec_free_context(v);
        if (a != null) {
            avcodec_free_context(a);
        }
        avformat_free_context(oc);
        return file;
    }

    private static void addRotation(AVCodecParameters par, int clockwise) {
        try (PointerPointer<AVPacketSideData> array = new PointerPointer<>(1); IntPointer count = new IntPointer(1)) {
            array.put(0, par.coded_side_data());
            count.put(par.nb_coded_side_data());
            AVPacketSideData sd = av_packet_side_data_new(array, count, AV_PKT_DATA_DISPLAYMATRIX, 36, 0);
            av_display_rotation_set(new IntPointer(sd.data()).capacity(9), clockwise);
            par.coded_side_data(new AVPacketSideData(array.get(0)));
            par.nb_coded_side_data(count.get());
        }
    }

    private static java.awt.image.BufferedImage panorama;

    /** A window of the picture (enlarged to twice the frame) moving one pixel per frame right and down. */
    private static void fillFromPicture(AVFrame frame, int i, Spec spec) {
        int w = spec.width;
        int h = spec.height;
        if (panorama == null || panorama.getWidth() != 2 * w) {
            panorama = new java.awt.image.BufferedImage(2 * w, 2 * h, java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = panorama.createGraphics();
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                    java.awt.RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(spec.picture, 0, 0, 2 * w, 2 * h, null);
            g.dispose();
        }
        int x0 = i % w;
        int y0 = (i / 2) % h;
        int[] rgb = panorama.getRGB(x0, y0, w, h, null, 0, w);
        BytePointer y = frame.data(0);
        BytePointer u = frame.data(1);
        BytePointer v = frame.data(2);
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int p = rgb[r * w + c];
                int red = p >> 16 & 255;
                int green = p >> 8 & 255;
                int blue = p & 255;
                y.put((long) r * frame.linesize(0) + c, (byte) (16 + (65.481 * red + 128.553 * green + 24.966 * blue) / 255));
                if (r % 2 == 0 && c % 2 == 0) {
                    long at = (long) (r / 2) * frame.linesize(1) + c / 2;
                    u.put(at, (byte) (128 + (-37.797 * red - 74.203 * green + 112.0 * blue) / 255));
                    v.put((long) (r / 2) * frame.linesize(2) + c / 2,
                            (byte) (128 + (112.0 * red - 93.786 * green - 18.214 * blue) / 255));
                }
            }
        }
    }

    /**
     * Writes a clip for trying the command line or measuring it: {@code OUT WIDTHxHEIGHT FRAMES FPS [PICTURE]}, H.264
     * (x264, CRF 18) with a sine tone; frames pan across PICTURE when given, else show a moving gradient.
     *
     * @param args the output file, the size, the frame count, the frame rate and an optional picture
     * @throws java.io.IOException if the picture cannot be read
     */
    public static void main(String[] args) throws java.io.IOException {
        if (args.length < 4) {
            System.err.println("usage: TestClips OUT WIDTHxHEIGHT FRAMES FPS [PICTURE]");
            System.exit(2);
        }
        String[] size = args[1].split("x");
        Spec spec = spec().size(Integer.parseInt(size[0]), Integer.parseInt(size[1])).frames(Integer.parseInt(args[2]))
                .fps(Integer.parseInt(args[3])).codec("libx264").audio();
        if (args.length > 4) {
            spec.picture(javax.imageio.ImageIO.read(Path.of(args[4]).toFile()));
        }
        String name = Path.of(args[0]).getFileName().toString();
        spec.container(name.endsWith(".mkv") ? "matroska" : name.endsWith(".mov") ? "mov" : "mp4");
        write(Path.of(args[0]), spec);
        System.out.println("wrote " + args[0]);
    }

    /** A gradient that moves with the frame number, so that frames differ. */
    private static void fill(AVFrame frame, int i, int w, int h) {
        BytePointer y = frame.data(0);
        int ly = frame.linesize(0);
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                y.put((long) r * ly + c, (byte) (16 + ((c * 3 + r * 2 + i * 8) % 200)));
            }
        }
        for (int p = 1; p <= 2; p++) {
            BytePointer plane = frame.data(p);
            int l = frame.linesize(p);
            for (int r = 0; r < (h + 1) / 2; r++) {
                for (int c = 0; c < (w + 1) / 2; c++) {
                    plane.put((long) r * l + c, (byte) (128 + (p == 1 ? 1 : -1) * ((c + r + i) % 40)));
                }
            }
        }
    }

    private static void encode(AVFormatContext oc, AVCodecContext c, AVFrame f, AVPacket pkt, AVStream s) {
        check(avcodec_send_frame(c, f), "send");
        while (true) {
            int r = avcodec_receive_packet(c, pkt);
            if (r == AVERROR_EAGAIN() || r == AVERROR_EOF()) {
                return;
            }
            check(r, "receive");
            if (c.codec_type() == AVMEDIA_TYPE_VIDEO && pkt.duration() == 0) {
                pkt.duration(durations.getOrDefault(pkt.pts(), 0L));
            }
            pkt.stream_index(s.index());
            av_packet_rescale_ts(pkt, c.time_base(), s.time_base());
            check(av_interleaved_write_frame(oc, pkt), "write");
        }
    }

    private static void check(int r, String what) {
        if (r < 0) {
            throw new IllegalStateException(what + ": " + Ffmpeg.error(r));
        }
    }

    /** What a video file holds, every video frame decoded. */
    public record Report(String videoCodec, int width, int height, double frameRate, long videoPackets, long decodedFrames,
            List<Double> ptsSeconds, double videoEndSeconds, int audioStreams, String audioCodec, long audioPackets,
            double audioSeconds, int subtitleStreams, int rotation) {
    }

    public static Report inspect(Path file) {
        Ffmpeg.load();
        AVFormatContext ic = new AVFormatContext(null);
        check(avformat_open_input(ic, file.toString(), null, null), "open " + file);
        check(avformat_find_stream_info(ic, (PointerPointer<?>) null), "info");
        int vi = av_find_best_stream(ic, AVMEDIA_TYPE_VIDEO, -1, -1, (PointerPointer<?>) null, 0);
        AVStream vs = ic.streams(vi);
        AVCodec dec = avcodec_find_decoder(vs.codecpar().codec_id());
        AVCodecContext d = avcodec_alloc_context3(dec);
        avcodec_parameters_to_context(d, vs.codecpar());
        d.pkt_timebase(vs.time_base());
        check(avcodec_open2(d, dec, (AVDictionary) null), "decoder");
        int audio = 0;
        int subs = 0;
        String audioCodec = null;
        for (int i = 0; i < ic.nb_streams(); i++) {
            int t = ic.streams(i).codecpar().codec_type();
            if (t == AVMEDIA_TYPE_AUDIO) {
                audio++;
                audioCodec = avcodec_get_name(ic.streams(i).codecpar().codec_id()).getString();
            } else if (t == AVMEDIA_TYPE_SUBTITLE) {
                subs++;
            }
        }
        AVPacket pkt = av_packet_alloc();
        AVFrame f = av_frame_alloc();
        long packets = 0;
        long decoded = 0;
        long audioPackets = 0;
        long audioEnd = 0;
        double videoEnd = 0;
        List<Double> pts = new ArrayList<>();
        while (av_read_frame(ic, pkt) >= 0) {
            AVStream s = ic.streams(pkt.stream_index());
            if (pkt.stream_index() == vi) {
                packets++;
                videoEnd = Math.max(videoEnd, (pkt.pts() + pkt.duration()) * av_q2d(vs.time_base()));
                avcodec_send_packet(d, pkt);
                decoded += drain(d, f, pts, vs);
            } else if (s.codecpar().codec_type() == AVMEDIA_TYPE_AUDIO) {
                audioPackets++;
                audioEnd = Math.max(audioEnd, av_rescale_q(pkt.pts() + pkt.duration(), s.time_base(),
                        av_make_q(1, 1_000_000)));
            }
            av_packet_unref(pkt);
        }
        avcodec_send_packet(d, null);
        decoded += drain(d, f, pts, vs);
        IntPointer matrix = null;
        AVPacketSideData sd = av_packet_side_data_get(vs.codecpar().coded_side_data(),
                vs.codecpar().nb_coded_side_data(), AV_PKT_DATA_DISPLAYMATRIX);
        int rotation = 0;
        if (sd != null && !sd.isNull()) {
            matrix = new IntPointer(sd.data());
            rotation = (int) ((Math.round(-av_display_rotation_get(matrix)) % 360 + 360) % 360);
        }
        Report r = new Report(avcodec_get_name(vs.codecpar().codec_id()).getString(), vs.codecpar().width(),
                vs.codecpar().height(), av_q2d(av_guess_frame_rate(ic, vs, null)), packets, decoded, pts, videoEnd,
                audio, audioCodec, audioPackets, audioEnd / 1e6, subs, rotation);
        av_frame_free(f);
        av_packet_free(pkt);
        avcodec_free_context(d);
        avformat_close_input(ic);
        return r;
    }

    private static long drain(AVCodecContext d, AVFrame f, List<Double> pts, AVStream vs) {
        long n = 0;
        while (avcodec_receive_frame(d, f) >= 0) {
            pts.add(f.best_effort_timestamp() * av_q2d(vs.time_base()));
            n++;
            av_frame_unref(f);
        }
        return n;
    }
}
