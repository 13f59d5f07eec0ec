package io.github.enhance4j.training.data;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/** Public data sets the training application can download by name, with their official address and checksum. */
public enum KnownDataset {

    /**
     * Labeled Faces in the Wild, deep-funneled (aligned) variant: 13,233 JPEG faces of 250x250 in
     * {@code lfw-deepfunneled/<Name>/<Name>_NNNN.jpg}, about 109 MB. The seed recipe's training data. The LFW site
     * asks that it be used for research, not to vet commercial systems.
     */
    LFW("lfw", URI.create("http://vis-www.cs.umass.edu/lfw/lfw-deepfunneled.tgz"),
            "10b31bb0747f0968a06415f3ec2dc6586d2f30ba24876de6185aa572a5a7d5ca");

    private final String id;
    private final URI uri;
    private final String sha256;

    KnownDataset(String id, URI uri, String sha256) {
        this.id = id;
        this.uri = uri;
        this.sha256 = sha256;
    }

    /** The name used on the command line, e.g. {@code lfw}. */
    public String id() {
        return id;
    }

    public URI uri() {
        return uri;
    }

    /** The SHA-256 of the official file, lower-case hexadecimal. */
    public String sha256() {
        return sha256;
    }

    /** The name of the downloaded file, e.g. {@code lfw-deepfunneled.tgz}. */
    public String fileName() {
        return Downloader.fileName(uri);
    }

    /**
     * The data set called {@code id} (any case).
     *
     * @throws IllegalArgumentException naming the known data sets
     */
    public static KnownDataset byId(String id) {
        Objects.requireNonNull(id, "id");
        for (KnownDataset dataset : values()) {
            if (dataset.id.equalsIgnoreCase(id.strip())) {
                return dataset;
            }
        }
        throw new IllegalArgumentException("Unknown data set '" + id + "'; known: " + Arrays.stream(values())
                .map(KnownDataset::id).collect(Collectors.joining(", ")));
    }

    /**
     * Downloads the archive into {@code cacheDir} unless it is there already, verified; see {@link Downloader}.
     * Failures say how to do without the download.
     */
    public Path download(Downloader downloader, Path cacheDir, DownloadListener listener) {
        try {
            return downloader.download(uri, cacheDir, sha256, listener);
        } catch (DatasetException e) {
            throw new DatasetException(e.source(), e.reason(), e.getMessage() + " Without the download: get "
                    + uri + " yourself (" + fileName() + ", SHA-256 " + sha256 + ") and pass the "
                    + fileName().substring(fileName().indexOf('.')) + " path as the training data.", e);
        }
    }
}
