package io.github.enhance4j.spark.internal;

import java.io.Serializable;
import java.net.URI;
import java.util.Objects;

/**
 * Names outputs as the {@code enhance} command line does with {@code -o}: an input's path relative to the input root
 * is kept, and its file name becomes {@code STEM + suffix + "." + format}, where the format is the one asked for,
 * else the input's extension where ImageIO writes it, else {@code png}. Also tells the job's own results apart, so
 * that a second run does not take them as inputs: everything in an output folder that lies inside the input root,
 * and files named with the suffix in the output folder.
 */
public final class OutputNames implements Serializable {

    private static final long serialVersionUID = 1L;

    private final URI inputRoot;
    private final URI outputRoot;
    private final String suffix;
    private final String format;

    /** Where one input's output goes. */
    public record Target(String relative, String format) implements Serializable {
        private static final long serialVersionUID = 1L;

        /**
         * @param relative the output's path relative to the output root, with {@code /} between folders
         * @param format   the output's format, also its extension
         */
        public Target {
            Objects.requireNonNull(relative, "relative");
            Objects.requireNonNull(format, "format");
        }
    }

    /**
     * Names for one job.
     *
     * @param inputRoot  the folder the inputs' relative paths start from, qualified (with scheme)
     * @param outputRoot the output folder, qualified
     * @param suffix     added to each file name's stem, e.g. {@code _enhanced}; may be empty
     * @param format     the output format for all, or {@code null} to follow each input's extension
     */
    public OutputNames(URI inputRoot, URI outputRoot, String suffix, String format) {
        this.inputRoot = withoutTrailingSlash(inputRoot);
        this.outputRoot = withoutTrailingSlash(outputRoot);
        this.suffix = Objects.requireNonNull(suffix, "suffix");
        this.format = format;
    }

    /** {@return the output folder, qualified} */
    public URI outputRoot() {
        return outputRoot;
    }

    /**
     * Where an input's output goes.
     *
     * @param input an input file's qualified path, as in binaryFile's {@code path} column
     * @return its target
     */
    public Target target(String input) {
        String relative = relative(uri(input));
        int slash = relative.lastIndexOf('/');
        String folder = slash < 0 ? "" : relative.substring(0, slash + 1);
        String name = relative.substring(slash + 1);
        String ext = OutputFormats.forFileName(extension(name), format);
        return new Target(folder + stem(name) + suffix + "." + ext, ext);
    }

    /**
     * Whether a target would replace its own input (an output folder equal to the input folder and no suffix).
     *
     * @param input  the input's qualified path
     * @param target its target
     * @return whether writing the target would overwrite the input
     */
    public boolean overwritesInput(String input, Target target) {
        URI in = uri(input);
        return sameFileSystem(in, outputRoot) && in.getPath().equals(folder(outputRoot) + target.relative());
    }

    /**
     * Whether a file is one of this tool's results rather than an input: it lies in an output folder that is inside
     * the input root, or in the output folder with the suffix at the end of its stem.
     *
     * @param input a listed file's qualified path
     * @return whether to leave it out
     */
    public boolean isOwnOutput(String input) {
        URI in = uri(input);
        if (!sameFileSystem(in, outputRoot) || !in.getPath().startsWith(folder(outputRoot))) {
            return false;
        }
        if (!outputRoot.getPath().equals(inputRoot.getPath()) || !sameFileSystem(inputRoot, outputRoot)) {
            return true;
        }
        String name = in.getPath().substring(in.getPath().lastIndexOf('/') + 1);
        return !suffix.isEmpty() && stem(name).endsWith(suffix);
    }

    private String relative(URI in) {
        String root = folder(inputRoot);
        String path = in.getPath();
        return path.startsWith(root) ? path.substring(root.length()) : path.substring(path.lastIndexOf('/') + 1);
    }

    /** A folder's path with one slash at the end, so that {@code /in} is not a prefix of {@code /input/x}. */
    private static String folder(URI uri) {
        String path = uri.getPath();
        return path.endsWith("/") ? path : path + "/";
    }

    private static boolean sameFileSystem(URI a, URI b) {
        return Objects.equals(a.getScheme(), b.getScheme()) && Objects.equals(a.getAuthority(), b.getAuthority());
    }

    /** Hadoop's own parsing, which takes the unescaped paths that Spark's {@code path} column holds. */
    private static URI uri(String path) {
        return new org.apache.hadoop.fs.Path(path).toUri();
    }

    private static URI withoutTrailingSlash(URI uri) {
        String path = uri.getPath();
        if (path.length() > 1 && path.endsWith("/")) {
            return new org.apache.hadoop.fs.Path(uri.toString().substring(0, uri.toString().length() - 1)).toUri();
        }
        return uri;
    }

    /**
     * {@return a file name without its extension}
     *
     * @param name a file name
     */
    public static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * {@return a file name's extension, without the dot; empty when there is none}
     *
     * @param name a file name
     */
    public static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot + 1) : "";
    }
}
