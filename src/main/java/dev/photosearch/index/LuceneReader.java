package dev.photosearch.index;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;

/** The read side of the embedded store: shares one point-in-time searcher among views until a refresh. */
final class LuceneReader implements StoreReader {

    private final Directory directory;
    private final SearcherManager manager;
    private final LuceneText text = new LuceneText();

    private LuceneReader(Directory directory, SearcherManager manager) {
        this.directory = directory;
        this.manager = manager;
    }

    static LuceneReader open(Path dir) throws IOException {
        return IndexDirectory.open(dir, directory -> {
            SearcherManager manager = new SearcherManager(directory, null);
            try {
                IndexSearcher searcher = manager.acquire();
                try {
                    IndexFormat.checkReadable(((DirectoryReader) searcher.getIndexReader()).getIndexCommit().getUserData(),
                            dir);
                } finally {
                    manager.release(searcher);
                }
                return new LuceneReader(directory, manager);
            } catch (IOException | RuntimeException e) {
                manager.close();
                throw e;
            }
        });
    }

    @Override
    public void refresh() throws IOException {
        manager.maybeRefreshBlocking();
    }

    @Override
    public StoreView view() throws IOException {
        IndexSearcher searcher = manager.acquire();
        return new LuceneView(searcher, text, () -> manager.release(searcher));
    }

    @Override
    public void close() throws IOException {
        try (directory) {
            manager.close();
        }
    }
}
