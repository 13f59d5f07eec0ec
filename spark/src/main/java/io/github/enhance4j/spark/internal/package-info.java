/**
 * The Spark module's implementation: the per-JVM model cache, the per-partition functions, output naming and
 * storage. Not an API: it may change in any release.
 */
package io.github.enhance4j.spark.internal;
