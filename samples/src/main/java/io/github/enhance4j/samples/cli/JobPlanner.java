package io.github.enhance4j.samples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.github.enhance4j.video.VideoFiles;

import javax.imageio.ImageIO;

/**
 * Turns the command line's inputs into jobs: folders are searched recursively for files matching the glob, every
 * input gets an output name that can never be an input, and problems (a missing input, two inputs that would write
 * the same output) become failed outcomes while the rest still runs.
 */
final class JobPlanner {

    /**
     * Default file-name pattern for folder inputs: images and videos. With it, files of other names are taken too
     * when their content is a video.
     */
    static final String DEFAULT_GLOB = "*.{png,jpg,jpeg,bmp,gif,tif,tiff,webp,"
            + "mp4,m4v,mov,mkv,webm,avi,mpg,mpeg,ts,mts,m2ts,wmv,flv,3gp,ogv}";

    private final Path output;
    private final String suffix;
    private final String format;
    private final boolean compare;
    private final PathMatcher matcher;
    private final boolean defaultGlob;
    private final Predicate<Path> isVideo;

    /**
     * @param output  an output file (one input) or folder; {@code null} writes next to each input
     * @param suffix  added to the file name's stem, e.g. {@code _enhanced}
     * @param format  output format extension, or {@code null} to keep the input's
     * @param glob    file-name pattern for folder inputs, matched case-insensitively
     */
    JobPlanner(Path output, String suffix, String format, boolean compare, String glob) {
        this(output, suffix, format, compare, glob, MediaKind::isVideo);
    }

    /** @param isVideo tells videos from images by content */
    JobPlanner(Path output, String suffix, String format, boolean compare, String glob, Predicate<Path> isVideo) {
        this.defaultGlob = DEFAULT_GLOB.equals(glob);
        this.isVideo = isVideo;
        this.output = output;
        this.suffix = suffix;
        this.format = format == null ? null : format.toLowerCase(Locale.ROOT);
        this.compare = compare;
        this.matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob.toLowerCase(Locale.ROOT));
    }

    /** Jobs to run, and the outcomes already decided (failures found while planning). */
    record Plan(List<Job> jobs, List<Outcome> failures) {
    }

    Plan plan(List<Path> inputs) {
        List<Job> jobs = new ArrayList<>();
        List<Outcome> failures = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                sources.addAll(scan(in));
            } else if (Files.isRegularFile(in)) {
                sources.add(new Source(in, in.getFileName()));
            } else {
                failures.add(Outcome.failed(in, "no such file or folder"));
            }
        }
        boolean oneInput = output != null && sources.size() == 1 && inputs.size() == 1;
        boolean singleFileOutput = oneInput && !Files.isDirectory(output)
                && (hasImageExtension(output) || VideoFiles.isVideoName(output));
        String outputExtension = output == null ? "" : extension(output.getFileName().toString());
        if (oneInput && !singleFileOutput && !Files.exists(output) && !outputExtension.isEmpty()) {
            // "-o result.jxl" or a typo such as "-o out.pgn" would otherwise become a folder of that name
            failures.add(Outcome.failed(sources.get(0).file(), "output " + output + " names no format this tool"
                    + " writes (." + outputExtension + "); give a file name ending in one of " + writableSuffixes()
                    + " (or a video's), or create the folder first to write into it"));
            return new Plan(List.of(), failures);
        }
        Set<Path> inputPaths = sources.stream().map(s -> normalize(s.file())).collect(Collectors.toSet());
        Map<Path, Path> claimed = new HashMap<>();
        for (Source s : sources) {
            boolean video = isVideo.test(s.file());
            Path out = singleFileOutput ? output : target(s, video);
            Path key = normalize(out);
            if (inputPaths.contains(key)) {
                failures.add(Outcome.failed(s.file(), "its output " + out + " would overwrite an input; use -o"
                        + " or another --suffix"));
            } else if (claimed.containsKey(key)) {
                failures.add(Outcome.failed(s.file(), "its output " + out + " is already written from "
                        + claimed.get(key) + "; use --format or separate runs"));
            } else {
                claimed.put(key, s.file());
                jobs.add(new Job(s.file(), out, compare && !video ? sibling(out, "_compare", "png") : null, video));
            }
        }
        return new Plan(jobs, failures);
    }

    private List<Source> scan(Path folder) {
        Path root = normalize(folder);
        Path outRoot = output == null ? null : normalize(output);
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return isOutputFolderInside(normalize(dir), root, outRoot) ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()
                            && (matcher.matches(Path.of(file.getFileName().toString().toLowerCase(Locale.ROOT)))
                                || defaultGlob && !hasImageExtension(file) && isVideo.test(file))
                            && !isOwnOutput(normalize(file), outRoot)) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
        return found.stream().sorted().map(p -> new Source(p, folder.relativize(p))).collect(Collectors.toList());
    }

    /**
     * The output folder, when it lies inside an input folder ({@code enhance photos -o photos/enhanced}), holds this
     * tool's results: a second run must not take them as inputs.
     */
    private static boolean isOutputFolderInside(Path dir, Path root, Path outRoot) {
        return outRoot != null && dir.equals(outRoot) && !dir.equals(root);
    }

    /**
     * Results of an earlier run are not inputs again: the output file itself, and files named as results
     * ({@code _enhanced}, {@code _compare}) where results are written (next to the inputs, or in the output folder).
     */
    private boolean isOwnOutput(Path p, Path outRoot) {
        if (outRoot != null && p.equals(outRoot)) {
            return true;
        }
        if (outRoot != null && !p.startsWith(outRoot)) {
            return false;
        }
        String stem = stem(p.getFileName().toString());
        return !suffix.isEmpty() && stem.endsWith(suffix) || stem.endsWith("_compare");
    }

    private Path target(Source s, boolean video) {
        String name = s.relative().getFileName().toString();
        String ext = video ? videoExtension(s.file()) : format != null ? format : writableExtension(extension(name));
        String fileName = stem(name) + suffix + "." + ext;
        if (output == null) {
            return s.file().resolveSibling(fileName);
        }
        Path parent = s.relative().getParent();
        return parent == null ? output.resolve(fileName) : output.resolve(parent).resolve(fileName);
    }

    private static Path sibling(Path file, String tag, String ext) {
        return file.resolveSibling(stem(file.getFileName().toString()) + tag + "." + ext);
    }

    /** The input's own format when ImageIO can write it, else PNG (e.g. WebP is read-only). */
    private static String writableExtension(String ext) {
        String lower = ext.toLowerCase(Locale.ROOT);
        return ImageIO.getImageWritersBySuffix(lower).hasNext() ? lower : "png";
    }

    /** The input's own container when FFmpeg writes video into it, else MP4 (a video named {@code .dat}, say). */
    private static String videoExtension(Path input) {
        return VideoFiles.isVideoName(input) ? extension(input.getFileName().toString()).toLowerCase(Locale.ROOT)
                : "mp4";
    }

    /** The image file extensions ImageIO writes, sorted, e.g. {@code .bmp, .gif, .jpeg, .jpg, .png}. */
    private static String writableSuffixes() {
        return Arrays.stream(ImageIO.getWriterFileSuffixes()).map(x -> "." + x.toLowerCase(Locale.ROOT))
                .distinct().sorted().collect(Collectors.joining(", "));
    }

    static boolean hasImageExtension(Path p) {
        String ext = extension(p.getFileName().toString()).toLowerCase(Locale.ROOT);
        return !ext.isEmpty() && (ImageIO.getImageWritersBySuffix(ext).hasNext()
                || ImageIO.getImageReadersBySuffix(ext).hasNext());
    }

    static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot + 1) : "";
    }

    private static Path normalize(Path p) {
        return p.toAbsolutePath().normalize();
    }

    private record Source(Path file, Path relative) {
    }
}
