/**
 * The training command line: {@link dev.seqserve.training.cli.Train} and its sub-commands, parsed by picocli.
 * No Spring and no serving code anywhere under {@code dev.seqserve.training}.
 */
package dev.seqserve.training.cli;
