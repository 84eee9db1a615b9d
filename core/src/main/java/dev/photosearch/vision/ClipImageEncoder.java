package dev.photosearch.vision;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.photosearch.models.InstalledModel;
import dev.photosearch.models.OnnxSessions;
import dev.photosearch.models.Vectors;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CLIP's image encoder (an ONNX export whose input is {@code pixel_values} [N,3,224,224] and whose output is
 * {@code image_embeds} [N,D]): CLIP's preprocessing, batched inference, L2-normalised vectors.
 */
public final class ClipImageEncoder implements ImageEmbedder {

    private final OrtSession session;
    private final String modelId;
    private final String output;
    private final int dimension;

    private ClipImageEncoder(OrtSession session, String modelId) throws OrtException {
        this.session = session;
        this.modelId = modelId;
        this.output = OnnxSessions.output(session, "image_embeds");
        long[] shape = ((ai.onnxruntime.TensorInfo) session.getOutputInfo().get(output).getInfo()).getShape();
        this.dimension = (int) shape[shape.length - 1];
    }

    /** Loads the vision graph of an installed CLIP model. */
    public static ClipImageEncoder load(InstalledModel model, int threads) throws IOException {
        OrtSession session = OnnxSessions.open(model.file("vision"), threads);
        try {
            return new ClipImageEncoder(session, model.id());
        } catch (OrtException e) {
            OnnxSessions.closeQuietly(session);
            throw OnnxSessions.failed("reading " + model.spec().name(), e);
        }
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public List<float[]> embed(List<BufferedImage> images) throws IOException {
        if (images.isEmpty()) {
            return List.of();
        }
        ImageTensor tensor = ImageTensor.CLIP;
        FloatBuffer pixels = FloatBuffer.wrap(tensor.batch(images));
        long[] shape = tensor.shape(images.size());
        try (OnnxTensor input = OnnxTensor.createTensor(OnnxSessions.environment(), pixels, shape);
                OrtSession.Result result = session.run(Map.of("pixel_values", input), java.util.Set.of(output))) {
            float[][] embeds = (float[][]) result.get(0).getValue();
            List<float[]> vectors = new ArrayList<>(embeds.length);
            for (float[] e : embeds) {
                vectors.add(Vectors.normalised(e));
            }
            return vectors;
        } catch (OrtException e) {
            throw OnnxSessions.failed("CLIP image encoding", e);
        }
    }

    @Override
    public void close() {
        OnnxSessions.closeQuietly(session);
    }
}
