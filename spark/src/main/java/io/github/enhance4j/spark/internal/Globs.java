package io.github.enhance4j.spark.internal;

import org.apache.hadoop.fs.Path;

/** Hadoop globs, as the job's input and its file-name filter use them. */
public final class Globs {

    private Globs() {
    }

    /**
     * {@return whether a path has glob characters: {@code *}, {@code ?}, {@code [} or <code>&#123;</code>}
     *
     * @param path a path or URI
     */
    public static boolean hasGlob(String path) {
        return path.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    /**
     * The folder part of a glob before its first glob character: {@code /data/2024-* /*.jpg} gives {@code /data}.
     *
     * @param glob a path with glob characters
     * @return its longest leading folder without any
     */
    public static Path fixedParent(Path glob) {
        Path fixed = glob;
        for (Path p = glob; p != null; p = p.getParent()) {
            if (hasGlob(p.getName())) {
                fixed = p.getParent();
            }
        }
        return fixed == null ? new Path("/") : fixed;
    }

    /**
     * Makes a file-name glob match letters in either case, as the {@code enhance} command line matches names
     * ({@code *.jpg} takes {@code IMG_1.JPG}), since Hadoop's globs are case-sensitive: each letter outside a
     * bracket expression becomes {@code [xX]}.
     *
     * @param glob a Hadoop glob such as {@code *.{png,jpg}}
     * @return the same glob, case-insensitive
     */
    public static String caseInsensitive(String glob) {
        StringBuilder out = new StringBuilder(glob.length() * 4);
        boolean inBrackets = false;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '\\' && i + 1 < glob.length()) {
                out.append(c).append(glob.charAt(++i));
            } else if (inBrackets) {
                out.append(c);
                inBrackets = c != ']';
            } else if (c == '[') {
                out.append(c);
                inBrackets = true;
            } else if (Character.isLetter(c) && Character.toLowerCase(c) != Character.toUpperCase(c)) {
                out.append('[').append(Character.toLowerCase(c)).append(Character.toUpperCase(c)).append(']');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
