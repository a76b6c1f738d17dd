/**
 * The training module: a plain Java entry point ({@link dev.seqserve.training.Train}) that trains one
 * named model from real data and writes its artifact folder. No Spring and no serving code here.
 */
package dev.seqserve.training;
