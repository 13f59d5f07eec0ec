/**
 * The {@code enhance} command line ({@link io.github.enhance4j.samples.cli.EnhanceCommand}), built on the public
 * enhance4j API only, as any host application could be.
 */
package io.github.enhance4j.samples.cli;
