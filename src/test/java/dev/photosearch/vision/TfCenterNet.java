package dev.photosearch.vision;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** CenterNet run with TensorFlow Java from its TF.js files, as shipped before ONNX Runtime; for the comparison only. */
final class TfCenterNet implements Detector {

    private final TfModel model;
    private final int size;

    TfCenterNet(Path dir) throws IOException {
        TfjsGraph graph = TfjsGraph.read(Files.readAllBytes(dir.resolve("centernet.json")),
                name -> Files.readAllBytes(dir.resolve(name)));
        this.model = new TfModel(graph);
        this.size = Math.toIntExact(model.inputShape().get(1));
    }

    @Override
    public List<Region> candidates(BufferedImage image) {
        float[] flat = model.run(CenterNet.pixels(image, size), List.of("tower_0/detections")).get(0).values();
        float[][] rows = new float[flat.length / 6][6];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(flat, i * 6, rows[i], 0, 6);
        }
        return CenterNet.regions(rows, size, ObjectClass.coco());
    }

    @Override
    public void close() {
        model.close();
    }
}
