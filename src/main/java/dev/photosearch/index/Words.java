package dev.photosearch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * Splits text into words at the boundaries the text fields' analysis uses, dropping a language's elided articles
 * ("l'homme" gives "homme"), in lower case with accents folded. Thread-safe.
 */
public final class Words {

    /**
     * One word.
     *
     * @param form  lower case, accents folded, elision gone
     * @param typed the text it came from, as typed
     */
    public record Word(String form, String typed) {}

    private final Analyzer analyzer;

    /** Splits dropping these elided articles ("l", "d", "qu"...); none when empty. */
    public Words(Collection<String> elided) {
        CharArraySet articles = new CharArraySet(elided, true);
        this.analyzer = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = articles.isEmpty() ? source : new ElisionFilter(source, articles);
                return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(stream)));
            }
        };
    }

    /** The words of {@code text}, in order. */
    public List<Word> split(String text) {
        List<Word> words = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(new Word(term.toString(), text.substring(offset.startOffset(), offset.endOffset())));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a string reader does not fail
        }
        return words;
    }
}
