package dev.photosearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.photosearch.index.Fields;
import dev.photosearch.index.TextAnalyzers;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class TextQueryTest {

    private static List<String> search(String query, String... descriptions) throws IOException {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(TextAnalyzers.perField()))) {
                for (int i = 0; i < descriptions.length; i++) {
                    Document doc = new Document();
                    doc.add(new StringField(Fields.ID, "d" + i, Field.Store.YES));
                    for (String language : TextAnalyzers.LANGUAGES) {
                        doc.add(new TextField(TextAnalyzers.field(Fields.VISION, language), descriptions[i],
                                Field.Store.NO));
                    }
                    writer.addDocument(doc);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                var q = new TextQuery().build(new QueryTranslator().translate(query));
                if (q == null) {
                    return List.of();
                }
                ScoreDoc[] hits = searcher.search(q, 10).scoreDocs;
                return java.util.Arrays.stream(hits)
                        .map(h -> {
                            try {
                                return searcher.storedFields().document(h.doc).get(Fields.ID);
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }).toList();
            }
        }
    }

    @Test
    void everydayWordsFindTheDescriptionsWords() throws IOException {
        assertEquals("d0", search("a man on a bike", "A person riding a bicycle", "A cat on a bed").get(0));
        assertEquals(List.of("d1"), search("coffee mug", "A dog", "A cup and a laptop"));
        assertEquals(List.of("d0"), search("soccer", "Two people and a sports ball", "A cow"));
    }

    @Test
    void theQuerysOwnWordStillMatches() throws IOException {
        assertEquals(List.of("d0"), search("man", "A man at the beach", "A cat"));
    }

    @Test
    void englishStopWordsAreNotReadAsFrenchWords() throws IOException {
        // Read as French, "the" and "in" are words, and would bring back every photo that has them.
        assertEquals(List.of("d1"), search("a horse in the rain", "the cat in the garden", "a horse"));
    }

    @Test
    void anEnglishQueryStillFindsAFrenchCaptionsWords() throws IOException {
        assertEquals(List.of("d0"), search("black chat", "Un chat noir", "Un chien"));
    }

    @Test
    void aFrenchQueryIsReadAsFrenchToo() throws IOException {
        // Only French analysis strips the article of "l'océan" and the plural of "océans".
        assertEquals(List.of("d0"), search("les océans", "Vue sur l'océan", "Un chien"));
    }

    @Test
    void aFrenchQueryFindsTheEnglishOfDescriptionsThroughItsTranslation() throws IOException {
        assertEquals("d1", search("deux girafes dans un pré", "A cat on a bed", "Two giraffes in a field").get(0));
        // "homme" becomes "man", which the everyday words then search as "person".
        assertEquals("d0", search("un homme à vélo", "A person riding a bicycle", "A cat on a bed").get(0));
    }

    @Test
    void theWordListLoads() {
        assertTrue(TextQuery.everydayWords().words.size() >= 25, "one output word per line of the list");
    }
}
