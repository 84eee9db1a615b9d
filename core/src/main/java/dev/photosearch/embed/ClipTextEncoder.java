package dev.photosearch.embed;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.photosearch.models.InstalledModel;
import dev.photosearch.models.OnnxSessions;
import dev.photosearch.models.Vectors;
import java.io.IOException;
import java.util.Set;

/**
 * CLIP's English text encoder (an ONNX export taking {@code input_ids} [N,77], and {@code attention_mask} when the
 * export declares it, and giving {@code text_embeds} [N,D]).
 */
public final class ClipTextEncoder implements CrossModalEncoder {

    private final OrtSession session;
    private final ClipTokenizer tokenizer;
    private final String output;

    private ClipTextEncoder(OrtSession session, ClipTokenizer tokenizer) {
        this.session = session;
        this.tokenizer = tokenizer;
        this.output = OnnxSessions.output(session, "text_embeds");
    }

    /** Loads the text graph and tokenizer of an installed CLIP model. */
    public static ClipTextEncoder load(InstalledModel model, int threads) throws IOException {
        ClipTokenizer tokenizer = ClipTokenizer.clip(model.file("tokenizer"));
        try {
            return new ClipTextEncoder(OnnxSessions.open(model.file("text"), threads), tokenizer);
        } catch (IOException | RuntimeException e) {
            tokenizer.close();
            throw e;
        }
    }

    @Override
    public float[] encode(String text) throws IOException {
        try (TokenInputs inputs = new TokenInputs(tokenizer.encode(text), session);
                OrtSession.Result result = session.run(inputs.tensors(), Set.of(output))) {
            return Vectors.normalised(((float[][]) result.get(0).getValue())[0]);
        } catch (OrtException e) {
            throw OnnxSessions.failed("CLIP text encoding", e);
        }
    }

    @Override
    public void close() {
        OnnxSessions.closeQuietly(session);
        tokenizer.close();
    }
}
