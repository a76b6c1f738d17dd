/**
 * The model artifact contract: the manifest format, reading and writing it, and verifying an
 * artifact folder's checksums. Plain Java, shared by training (which writes artifacts) and serving
 * (which loads them); it imports neither of them, nor Spring.
 */
package dev.seqserve.artifact;
