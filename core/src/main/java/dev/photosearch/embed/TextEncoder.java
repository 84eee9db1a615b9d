package dev.photosearch.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.photosearch.models.Vectors;
import java.util.List;

/** Turns text into L2-normalised vectors with one of the shipped {@link TextModel}s. Thread-safe. */
public final class TextEncoder {

    private final TextModel model;
    private final EmbeddingModel embeddings;

    private TextEncoder(TextModel model, EmbeddingModel embeddings) {
        this.model = model;
        this.embeddings = embeddings;
    }

    /** Loads the model's ONNX graph from the classpath (about a second, once in a process). */
    public static TextEncoder load(TextModel model) {
        return new TextEncoder(model, model.load());
    }

    public TextModel model() {
        return model;
    }

    /** Encodes a search query (with the model's query instruction, when it has one). */
    public float[] encodeQuery(String query) {
        return normalised(embeddings.embed(model.queryPrefix() + query).content());
    }

    /** Encodes non-blank photo descriptions in one batch (the model spreads long batches over the cores). */
    public List<float[]> encodeDocuments(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        List<Embedding> vectors = embeddings.embedAll(segments).content();
        return vectors.stream().map(TextEncoder::normalised).toList();
    }

    private static float[] normalised(Embedding embedding) {
        return Vectors.normalised(embedding.vector());
    }
}
