/**
 * enhance4j on Apache Spark: {@link io.github.enhance4j.spark.EnhanceTransformer}, a Spark ML stage that enhances a
 * column of images with one model per executor JVM, and {@link io.github.enhance4j.spark.EnhanceJob}, which enhances
 * a folder or glob of image files into an output folder, with atomic, idempotent writes and a report.
 */
package io.github.enhance4j.spark;
