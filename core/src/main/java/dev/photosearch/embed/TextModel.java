package dev.photosearch.embed;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.util.Arrays;
import java.util.Locale;

/** The text embedding models that ship inside the application (quantized ONNX, no download). */
public enum TextModel {
    /** BAAI bge-small-en-v1.5, int8; retrieval-tuned, wants an instruction before short queries. */
    BGE_SMALL("bge-small-en-v1.5-q", 384, "Represent this sentence for searching relevant passages: ",
            PoolingMode.CLS),
    /** sentence-transformers all-MiniLM-L6-v2, int8; smaller and faster. */
    MINILM("all-minilm-l6-v2-q", 384, "", PoolingMode.MEAN);

    private final String id;
    private final int dimension;
    private final String queryPrefix;
    private final PoolingMode pooling;
    /** The one session per model in a process, as langchain4j kept it: it is thread-safe and never closed. */
    private EmbeddingModel loaded;

    TextModel(String id, int dimension, String queryPrefix, PoolingMode pooling) {
        this.id = id;
        this.dimension = dimension;
        this.queryPrefix = queryPrefix;
        this.pooling = pooling;
    }

    public String id() {
        return id;
    }

    public int dimension() {
        return dimension;
    }

    String queryPrefix() {
        return queryPrefix;
    }

    synchronized EmbeddingModel load() {
        if (loaded == null) {
            loaded = new ShippedEmbeddingModel(id, dimension, pooling);
        }
        return loaded;
    }

    /** Finds a model by its id or enum name, case-insensitively. */
    public static TextModel byName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(m -> m.id.equals(wanted) || m.name().toLowerCase(Locale.ROOT).equals(wanted)
                        || m.id.startsWith(wanted + "-"))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown text model '" + name + "'; known: "
                        + String.join(", ", Arrays.stream(values()).map(TextModel::id).toList())));
    }
}
