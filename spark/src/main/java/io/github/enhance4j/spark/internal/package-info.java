/**
 * The Spark module's implementation: the per-JVM model cache, the per-partition functions, output naming and
 * storage. Not an API: it may change in any release, and its classes are serialized only between the driver and the
 * executors of one job, so their serialized form is not documented.
 *
 * @serial exclude
 */
package io.github.enhance4j.spark.internal;
