/**
 * Benchmarks and quality checks run by hand (main classes, not tests); commands and figures in
 * {@code backend-dl4j/BENCHMARKS.md}.
 */
package io.github.enhance4j.backend.dl4j.bench;
