/**
 * The enhance command line and host-application samples (skeleton: the enhance-tool issue fills it).
 */
package io.github.enhance4j.samples;
