package dev.photosearch.vision;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.photosearch.models.InstalledModel;
import dev.photosearch.models.ModelException;
import dev.photosearch.models.OnnxSessions;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes one English sentence per photo with a ViT encoder and a GPT-2 decoder (the ONNX export of a
 * vision-encoder-decoder model: encoder {@code pixel_values} → {@code last_hidden_state}; decoder
 * {@code input_ids} + {@code encoder_hidden_states} → {@code logits}, without a past-key cache). Encoder runs are
 * batched; decoding is greedy or beam search per photo. Thread-safe.
 */
public final class Captioner implements AutoCloseable {

    /** Decoding settings. */
    public record Settings(int beams, int maxTokens, int noRepeat) {
        /** Greedy, 20 tokens, no repeated trigram. */
        public static final Settings DEFAULT = new Settings(1, 20, 3);
    }

    private static final Set<String> DECODER_INPUTS = Set.of("input_ids", "encoder_hidden_states", "attention_mask",
            "encoder_attention_mask");

    private final OrtSession encoder;
    private final OrtSession decoder;
    private final HuggingFaceTokenizer tokenizer;
    private final BeamSearch search;
    private final String modelId;

    private Captioner(OrtSession encoder, OrtSession decoder, HuggingFaceTokenizer tokenizer, BeamSearch search,
            String modelId) {
        this.encoder = encoder;
        this.decoder = decoder;
        this.tokenizer = tokenizer;
        this.search = search;
        this.modelId = modelId;
    }

    /** Loads an installed captioner; start and end tokens come from its config files. */
    public static Captioner load(InstalledModel model, Settings settings, int threads) throws IOException {
        JsonNode config = readJson(model.file("config"));
        JsonNode generation = readJson(model.file("generation"));
        long end = token(generation, config, "eos_token_id");
        long start = generation.has("decoder_start_token_id") || config.has("decoder_start_token_id")
                ? token(generation, config, "decoder_start_token_id") : token(generation, config, "bos_token_id");
        BeamSearch search = new BeamSearch(Math.max(1, settings.beams()), settings.maxTokens(), settings.noRepeat(),
                start, end);
        OrtSession encoder = OnnxSessions.open(model.file("encoder"), threads);
        OrtSession decoder = null;
        try {
            decoder = OnnxSessions.open(model.file("decoder"), threads);
            for (String input : decoder.getInputNames()) {
                if (!DECODER_INPUTS.contains(input)) {
                    throw new ModelException(model.file("decoder").getFileName() + " wants input " + input
                            + ": use the decoder export without past key values (decoder_model.onnx)");
                }
            }
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(model.file("tokenizer"), Map.of());
            return new Captioner(encoder, decoder, tokenizer, search, model.id());
        } catch (IOException | RuntimeException e) {
            OnnxSessions.closeQuietly(encoder);
            if (decoder != null) {
                OnnxSessions.closeQuietly(decoder);
            }
            throw e;
        }
    }

    public String modelId() {
        return modelId;
    }

    /** The model and decoding settings: what the captions depend on. */
    public String fingerprint() {
        return modelId + ";" + search;
    }

    /** One sentence per image; the encoder sees the whole batch at once. */
    public List<String> caption(List<BufferedImage> images) throws IOException {
        if (images.isEmpty()) {
            return List.of();
        }
        float[][][] hidden = encode(images);
        List<String> captions = new ArrayList<>(images.size());
        for (float[][] one : hidden) {
            long[] tokens = search.run(prefixes -> nextLogits(prefixes, one));
            captions.add(tokenizer.decode(tokens, true).strip());
        }
        return captions;
    }

    private float[][][] encode(List<BufferedImage> images) throws IOException {
        ImageTensor tensor = ImageTensor.VIT;
        FloatBuffer pixels = FloatBuffer.wrap(tensor.batch(images));
        long[] shape = tensor.shape(images.size());
        try (OnnxTensor input = OnnxTensor.createTensor(OnnxSessions.environment(), pixels, shape);
                OrtSession.Result result = encoder.run(Map.of("pixel_values", input),
                        Set.of(OnnxSessions.output(encoder, "last_hidden_state")))) {
            return (float[][][]) result.get(0).getValue();
        } catch (OrtException e) {
            throw OnnxSessions.failed("caption encoder", e);
        }
    }

    /** Runs the decoder on every prefix (one row per beam) and returns each row's logits at its last position. */
    private float[][] nextLogits(List<long[]> prefixes, float[][] hidden) throws IOException {
        int rows = prefixes.size();
        int length = prefixes.get(0).length;
        long[] ids = new long[rows * length];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(prefixes.get(r), 0, ids, r * length, length);
        }
        int tokens = hidden.length;
        int width = hidden[0].length;
        float[] states = new float[rows * tokens * width];
        for (int r = 0; r < rows; r++) {
            for (int t = 0; t < tokens; t++) {
                System.arraycopy(hidden[t], 0, states, (r * tokens + t) * width, width);
            }
        }
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(OnnxSessions.environment(), LongBuffer.wrap(ids),
                    new long[] {rows, length}));
            inputs.put("encoder_hidden_states", OnnxTensor.createTensor(OnnxSessions.environment(),
                    FloatBuffer.wrap(states), new long[] {rows, tokens, width}));
            if (decoder.getInputNames().contains("attention_mask")) {
                inputs.put("attention_mask", ones(rows, length));
            }
            if (decoder.getInputNames().contains("encoder_attention_mask")) {
                inputs.put("encoder_attention_mask", ones(rows, tokens));
            }
            try (OrtSession.Result result = decoder.run(inputs, Set.of(OnnxSessions.output(decoder, "logits")))) {
                float[][][] logits = (float[][][]) result.get(0).getValue();
                float[][] last = new float[rows][];
                for (int r = 0; r < rows; r++) {
                    last[r] = logits[r][length - 1];
                }
                return last;
            }
        } catch (OrtException e) {
            throw OnnxSessions.failed("caption decoder", e);
        } finally {
            OnnxSessions.close(inputs.values().toArray(OnnxTensor[]::new));
        }
    }

    private static OnnxTensor ones(int rows, int length) throws OrtException {
        long[] ones = new long[rows * length];
        java.util.Arrays.fill(ones, 1);
        return OnnxTensor.createTensor(OnnxSessions.environment(), LongBuffer.wrap(ones), new long[] {rows, length});
    }

    private static JsonNode readJson(Path file) throws IOException {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new ModelException("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** A token id from the generation config, else the model config; a list gives its first id. */
    private static long token(JsonNode generation, JsonNode config, String key) throws ModelException {
        JsonNode value = generation.has(key) ? generation.get(key) : config.get(key);
        if (value != null && value.isArray() && !value.isEmpty()) {
            value = value.get(0);
        }
        if (value == null || !value.canConvertToLong()) {
            throw new ModelException("the captioner's config has no " + key);
        }
        return value.asLong();
    }

    @Override
    public void close() {
        OnnxSessions.closeQuietly(encoder);
        OnnxSessions.closeQuietly(decoder);
        tokenizer.close();
    }
}
