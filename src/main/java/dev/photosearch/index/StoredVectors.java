package dev.photosearch.index;

import java.io.IOException;
import java.util.Optional;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;

/** Reads back the vector a document stored in a vector field. */
final class StoredVectors {

    private StoredVectors() {}

    /** The vector of top-level document {@code doc} in {@code field}; empty when it has none. */
    static Optional<float[]> read(IndexReader reader, int doc, String field) throws IOException {
        LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
        int local = doc - leaf.docBase;
        FloatVectorValues values = leaf.reader().getFloatVectorValues(field);
        if (values == null || values.advance(local) != local) {
            return Optional.empty();
        }
        return Optional.of(values.vectorValue().clone());
    }
}
