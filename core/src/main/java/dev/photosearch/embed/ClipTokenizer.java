package dev.photosearch.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.photosearch.models.ModelException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Tokenises text for a transformer from the model's own {@code tokenizer.json} (Hugging Face tokenizers through
 * DJL), then cuts and pads it to a fixed length the way the export expects: the end token is kept when cutting,
 * padding repeats {@code padId} with an attention mask of 0.
 */
public final class ClipTokenizer implements AutoCloseable {

    /** CLIP's context length. */
    public static final int CLIP_LENGTH = 77;

    private final HuggingFaceTokenizer tokenizer;
    private final int length;
    private final long endId;
    private final long padId;

    private ClipTokenizer(HuggingFaceTokenizer tokenizer, int length, long endId, long padId) {
        this.tokenizer = tokenizer;
        this.length = length;
        this.endId = endId;
        this.padId = padId;
    }

    /**
     * CLIP's tokeniser: 77 tokens, padded with the end-of-text token as CLIP's own tokenizer does (the end
     * token's id is read from the file: the last id of the empty text).
     */
    public static ClipTokenizer clip(Path tokenizerJson) throws IOException {
        HuggingFaceTokenizer tokenizer = open(tokenizerJson);
        long[] empty = tokenizer.encode("").getIds();
        long end = empty[empty.length - 1];
        return new ClipTokenizer(tokenizer, CLIP_LENGTH, end, end);
    }

    /** A BERT-style tokeniser (the multilingual text encoder): {@code length} tokens, padded with id 0. */
    public static ClipTokenizer bert(Path tokenizerJson, int length) throws IOException {
        HuggingFaceTokenizer tokenizer = open(tokenizerJson);
        long[] empty = tokenizer.encode("").getIds();
        return new ClipTokenizer(tokenizer, length, empty.length == 0 ? 0 : empty[empty.length - 1], 0);
    }

    private static HuggingFaceTokenizer open(Path tokenizerJson) throws IOException {
        try {
            return HuggingFaceTokenizer.newInstance(tokenizerJson, Map.of("addSpecialTokens", "true",
                    "truncation", "false", "padding", "false"));
        } catch (RuntimeException e) {
            throw new ModelException("cannot read " + tokenizerJson + ": " + e.getMessage(), e);
        }
    }

    /** Token ids and attention mask, each {@code length} long. */
    public record Tokens(long[] ids, long[] mask) {}

    public Tokens encode(String text) {
        Encoding encoding = tokenizer.encode(text);
        long[] raw = encoding.getIds();
        int used = Math.min(raw.length, length);
        long[] ids = new long[length];
        long[] mask = new long[length];
        System.arraycopy(raw, 0, ids, 0, used);
        if (raw.length > length) {
            ids[length - 1] = endId;
        }
        Arrays.fill(ids, used, length, padId);
        Arrays.fill(mask, 0, used, 1);
        return new Tokens(ids, mask);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
