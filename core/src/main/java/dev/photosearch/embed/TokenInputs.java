package dev.photosearch.embed;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.photosearch.models.OnnxSessions;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.Map;

/** One text's token tensors for a session: {@code input_ids}, and {@code attention_mask} when the graph takes it. */
final class TokenInputs implements AutoCloseable {

    private final Map<String, OnnxTensor> tensors = new HashMap<>();

    TokenInputs(ClipTokenizer.Tokens tokens, OrtSession session) throws OrtException {
        long[] shape = {1, tokens.ids().length};
        try {
            tensors.put("input_ids", OnnxTensor.createTensor(OnnxSessions.environment(),
                    LongBuffer.wrap(tokens.ids()), shape));
            if (session.getInputNames().contains("attention_mask")) {
                tensors.put("attention_mask", OnnxTensor.createTensor(OnnxSessions.environment(),
                        LongBuffer.wrap(tokens.mask()), shape));
            }
        } catch (OrtException | RuntimeException e) {
            close();
            throw e;
        }
    }

    Map<String, OnnxTensor> tensors() {
        return tensors;
    }

    @Override
    public void close() {
        OnnxSessions.close(tensors.values().toArray(OnnxTensor[]::new));
    }
}
