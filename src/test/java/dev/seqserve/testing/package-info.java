/**
 * Test fixtures shared across packages, such as small but complete model artifact folders written by
 * {@link dev.seqserve.testing.TinyArtifacts}.
 */
package dev.seqserve.testing;
