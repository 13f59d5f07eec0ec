/**
 * Implementation details: backend selection and the tiling pipeline. Not exported from the module; not an API.
 */
package io.github.enhance4j.internal;
