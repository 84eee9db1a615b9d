package dev.photosearch.embed;

import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.photosearch.models.OnnxSessions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A text model shipped in a langchain4j jar, run in a session with one intra-op thread. ONNX Runtime's default pool
 * keeps a worker spinning on a core between runs, which took a core from every search; batches still use every core,
 * as langchain4j spreads their texts over its executor.
 */
final class ShippedEmbeddingModel extends AbstractInProcessEmbeddingModel {

    private final OnnxBertBiEncoder encoder;
    private final int dimension;

    /** Loads {@code NAME.onnx} and {@code NAME-tokenizer.json} from the class path. */
    ShippedEmbeddingModel(String name, int dimension, PoolingMode pooling) {
        super(null);
        this.dimension = dimension;
        try (InputStream tokenizer = resource(name + "-tokenizer.json")) {
            byte[] model;
            try (InputStream onnx = resource(name + ".onnx")) {
                model = onnx.readAllBytes();
            }
            OrtSession session = OnnxSessions.open(model, name, 1);
            this.encoder = new OnnxBertBiEncoder(OnnxSessions.environment(), session, tokenizer, pooling);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the shipped text model " + name, e);
        }
    }

    private static InputStream resource(String file) throws IOException {
        InputStream in = ShippedEmbeddingModel.class.getResourceAsStream("/" + file);
        if (in == null) {
            throw new IOException(file + " is not on the class path");
        }
        return in;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return dimension;
    }
}
