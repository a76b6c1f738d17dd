/**
 * Pre- and post-processing shared by training and serving: the word tokenizer, the vocabulary, the
 * text encoder, scalers and the series codec. Pure functions parameterised by the manifest, so a
 * served model sees exactly the inputs it was trained on. Plain Java: imports neither training nor
 * serving, nor Spring.
 */
package dev.seqserve.preprocess;
