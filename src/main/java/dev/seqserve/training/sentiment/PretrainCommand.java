package dev.seqserve.training.sentiment;

import dev.seqserve.training.run.RunOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code train pretrain}: word vectors from the unlabelled and train reviews, shared by both sentiment models. */
@Command(name = "pretrain", mixinStandardHelpOptions = true,
        description = "Learns word vectors (skip-gram with negative sampling) from the train and unlabelled reviews "
                + "and writes OUT/" + PretrainCommand.FOLDER + "/, which both sentiment models start from.")
public final class PretrainCommand implements Callable<Integer> {

    /** Where under the artifacts folder the shared pretraining artifact lives; the server skips dot-folders. */
    static final String FOLDER = ".pretraining/imdb-word-vectors";

    @Mixin
    private RunOptions run;

    @Mixin
    private PretrainOptions pretrain;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        Path folder = run.out().resolve(FOLDER);
        new Pretraining(pretrain.settings(run.seed()), out).run(pretrain.corpus(run), folder);
        return 0;
    }
}
