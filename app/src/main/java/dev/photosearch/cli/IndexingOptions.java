package dev.photosearch.cli;

import picocli.CommandLine.Option;

/** Options of the commands that run the indexer. */
final class IndexingOptions {

    @Option(names = "--text-model", paramLabel = "NAME", defaultValue = "bge-small-en-v1.5-q",
            description = "Text embedding model: bge-small-en-v1.5-q (default) or all-minilm-l6-v2-q.")
    String textModel;

    @Option(names = "--threads", paramLabel = "N",
            description = "Images loaded and analysed at once (default: the number of cores).")
    Integer threads;
}
