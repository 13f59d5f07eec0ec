/**
 * The DeepLearning4j backend (skeleton: the DL4J backend issue fills it).
 */
package io.github.enhance4j.backend.dl4j;
