/**
 * Host-application examples: {@link io.github.enhance4j.samples.MinimalExample} (load a model, enhance an image) and
 * {@link io.github.enhance4j.samples.FolderExample} (a folder with a thread pool sharing one enhancer).
 */
package io.github.enhance4j.samples;
