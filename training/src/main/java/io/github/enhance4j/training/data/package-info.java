/**
 * Training images from folders, archives and downloads: {@link io.github.enhance4j.training.data.ImageArchive}
 * reads image files still compressed from a folder or straight from a {@code .tgz}, {@code .tar} or {@code .zip}
 * (refusing hostile entries and bounding archive bombs), {@link io.github.enhance4j.training.data.Downloader}
 * fetches a known data set into a cache (resumable, checksum verified), and
 * {@link io.github.enhance4j.training.data.ImageDataset} splits the images into training and validation and
 * decodes them lazily. Every failure is a {@link io.github.enhance4j.training.data.DatasetException} that names
 * the file or entry and says what to do.
 */
package io.github.enhance4j.training.data;
