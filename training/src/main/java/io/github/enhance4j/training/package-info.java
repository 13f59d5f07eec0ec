/**
 * The training application (skeleton: the training issue fills it).
 */
package io.github.enhance4j.training;
