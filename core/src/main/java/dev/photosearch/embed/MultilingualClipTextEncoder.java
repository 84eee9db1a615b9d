package dev.photosearch.embed;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.photosearch.models.InstalledModel;
import dev.photosearch.models.OnnxSessions;
import dev.photosearch.models.Vectors;
import java.io.IOException;

/**
 * The multilingual CLIP text encoder (sentence-transformers clip-ViT-B-32-multilingual-v1): a DistilBERT ONNX
 * graph ({@code input_ids}, {@code attention_mask} → token embeddings [N,T,768]), mean pooling over real tokens,
 * then the model's dense projection into CLIP's 512-d space, read from its safetensors file.
 */
public final class MultilingualClipTextEncoder implements CrossModalEncoder {

    private static final int MAX_TOKENS = 128;

    private final OrtSession session;
    private final String output;
    private final ClipTokenizer tokenizer;
    private final float[] weight;
    private final float[] bias;
    private final int in;
    private final int out;

    private MultilingualClipTextEncoder(OrtSession session, ClipTokenizer tokenizer, float[] weight, float[] bias,
            int in, int out) {
        this.session = session;
        // sentence-transformers exports name it token_embeddings, plain transformer exports last_hidden_state.
        this.output = session.getOutputNames().contains("token_embeddings") ? "token_embeddings"
                : OnnxSessions.output(session, "last_hidden_state");
        this.tokenizer = tokenizer;
        this.weight = weight;
        this.bias = bias;
        this.in = in;
        this.out = out;
    }

    public static MultilingualClipTextEncoder load(InstalledModel model, int threads) throws IOException {
        Safetensors dense = Safetensors.read(model.file("dense"));
        int[] shape = dense.shape("linear.weight");
        float[] weight = dense.floats("linear.weight");
        float[] bias = dense.has("linear.bias") ? dense.floats("linear.bias") : new float[shape[0]];
        ClipTokenizer tokenizer = ClipTokenizer.bert(model.file("tokenizer"), MAX_TOKENS);
        try {
            return new MultilingualClipTextEncoder(OnnxSessions.open(model.file("text"), threads), tokenizer, weight,
                    bias, shape[1], shape[0]);
        } catch (IOException | RuntimeException e) {
            tokenizer.close();
            throw e;
        }
    }

    @Override
    public float[] encode(String text) throws IOException {
        ClipTokenizer.Tokens tokens = tokenizer.encode(text);
        try (TokenInputs inputs = new TokenInputs(tokens, session);
                OrtSession.Result result = session.run(inputs.tensors(), java.util.Set.of(output))) {
            float[][] hidden = ((float[][][]) result.get(0).getValue())[0];
            return Vectors.normalised(project(meanPool(hidden, tokens.mask())));
        } catch (OrtException e) {
            throw OnnxSessions.failed("multilingual CLIP text encoding", e);
        }
    }

    private float[] meanPool(float[][] hidden, long[] mask) {
        float[] sum = new float[in];
        int count = 0;
        for (int t = 0; t < hidden.length; t++) {
            if (mask[t] != 0) {
                count++;
                for (int i = 0; i < in; i++) {
                    sum[i] += hidden[t][i];
                }
            }
        }
        for (int i = 0; i < in; i++) {
            sum[i] /= Math.max(1, count);
        }
        return sum;
    }

    private float[] project(float[] pooled) {
        float[] result = new float[out];
        for (int o = 0; o < out; o++) {
            double acc = bias[o];
            for (int i = 0; i < in; i++) {
                acc += weight[o * in + i] * pooled[i];
            }
            result[o] = (float) acc;
        }
        return result;
    }

    @Override
    public void close() {
        OnnxSessions.closeQuietly(session);
        tokenizer.close();
    }
}
