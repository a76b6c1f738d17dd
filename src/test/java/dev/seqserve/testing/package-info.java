/**
 * Test fixtures shared across packages, such as small but complete model artifact folders written by
 * {@link dev.seqserve.testing.TinyArtifacts} and CPU-clock busy work ({@link dev.seqserve.testing.CpuWork}).
 */
package dev.seqserve.testing;
