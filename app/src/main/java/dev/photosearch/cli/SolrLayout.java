package dev.photosearch.cli;

import picocli.CommandLine.Option;

/** {@code --shards N --replicas N}: the layout of a Solr collection that a command creates. */
final class SolrLayout {

    @Option(names = "--shards", paramLabel = "N", defaultValue = "1",
            description = "Shards of a new Solr collection (default 1).")
    int shards;

    @Option(names = "--replicas", paramLabel = "N", defaultValue = "1",
            description = "Replicas of each shard of a new Solr collection (default 1; 2 or more keep searches "
                + "answered while a node is down).")
    int replicas;
}
