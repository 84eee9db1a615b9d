package dev.photosearch.index;

import dev.photosearch.embed.TextModel;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites an embedded index of an older format in the current one, from what it stores: every photo's entry and
 * vectors are kept, so nothing is analysed or embedded again. Format 1 lacked the id's doc values, which rank ties
 * and listings by id.
 */
final class FormatUpgrade {

    private static final Logger LOG = LoggerFactory.getLogger(FormatUpgrade.class);

    private FormatUpgrade() {}

    /** Writes every photo of {@code reader} again through {@code target}, then commits with {@code model}. */
    static void run(DirectoryReader reader, LuceneWriter target, TextModel model) throws IOException {
        LOG.info("Upgrading the index ({} photos) to format {}", reader.numDocs(), IndexFormat.CURRENT);
        for (LeafReaderContext leaf : reader.leaves()) {
            Map<Integer, String> vectorModels = vectorModels(leaf.reader());
            Bits live = leaf.reader().getLiveDocs();
            StoredFields fields = leaf.reader().storedFields();
            for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                if (live == null || live.get(doc)) {
                    Document stored = fields.document(doc, Set.of(Fields.STORED, Fields.CLIP_MODEL));
                    int top = leaf.docBase + doc;
                    float[] vector = StoredVectors.read(reader, top, Fields.VECTOR).orElse(null);
                    String clipModel = stored.get(Fields.CLIP_MODEL);
                    ImageVector image = clipModel == null ? null : StoredVectors.read(reader, top, Fields.CLIP)
                            .map(v -> new ImageVector(clipModel, v)).orElse(null);
                    String vectorModel = vectorModels.getOrDefault(doc, model.id());
                    target.upsert(PhotoJson.read(stored.get(Fields.STORED)), vector, TextModel.byName(vectorModel),
                            image);
                }
            }
        }
        target.commit(model);
        LOG.info("Upgraded the index to format {}", IndexFormat.CURRENT);
    }

    /** The text model of each document's vector: that field is indexed, not stored. */
    private static Map<Integer, String> vectorModels(LeafReader leaf) throws IOException {
        Map<Integer, String> models = new HashMap<>();
        Terms terms = leaf.terms(Fields.VECTOR_MODEL);
        if (terms == null) {
            return models;
        }
        TermsEnum it = terms.iterator();
        PostingsEnum postings = null;
        for (BytesRef term = it.next(); term != null; term = it.next()) {
            String model = term.utf8ToString();
            postings = it.postings(postings, PostingsEnum.NONE);
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                models.put(doc, model);
            }
        }
        return models;
    }
}
