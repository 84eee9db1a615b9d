package dev.photosearch.cli;

import dev.photosearch.embed.ClipQueryEncoder;
import dev.photosearch.embed.QueryText;
import dev.photosearch.models.InstalledModel;
import dev.photosearch.models.ModelStore;
import dev.photosearch.vision.Captioner;
import dev.photosearch.vision.ClipImageEncoder;
import dev.photosearch.vision.ImageSignature;
import dev.photosearch.vision.ImageTensor;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code photosearch bench-models}: time per photo of each image-model stage with the installed models, on drawn
 * 1024×768 previews, printed as Markdown rows for docs/benchmarks.md. With the tiny test graphs installed it
 * measures the pipeline's own overhead; with real weights, the real cost.
 */
@Command(name = "bench-models", mixinStandardHelpOptions = true,
        description = "Measure the time per photo of image signatures, CLIP and the captioner with the installed "
                + "models.")
final class ModelBenchCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--photos", paramLabel = "N", defaultValue = "64", description = "Photos per stage (default 64).")
    int photos;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "32", description = "Batch size (default 32).")
    int batch;

    @Override
    public Integer call() throws IOException {
        if (photos < 1 || batch < 1) {
            throw new IllegalArgumentException("--photos and --batch must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<BufferedImage> previews = previews(photos);
        ModelStore store = main.models();
        out.println("| stage | model | batch | ms per photo |");
        out.println("|---|---|---|---|");
        row(out, "image signature (dHash + histogram)", "-", 1, timePerPhoto(previews, 1,
                b -> b.forEach(ImageSignature::of)));
        float[] scratch = new float[ImageTensor.CLIP.length()];
        row(out, "CLIP preprocessing", "-", 1, timePerPhoto(previews, 1,
                b -> b.forEach(i -> ImageTensor.CLIP.write(i, scratch, 0))));
        Optional<InstalledModel> clip = store.find("clip");
        if (clip.isPresent()) {
            try (ClipImageEncoder encoder = ClipImageEncoder.load(clip.get(), 0)) {
                for (int size : new int[] {1, batch}) {
                    row(out, "CLIP image encoding (with preprocessing)", clip.get().spec().name(), size,
                            timePerPhoto(previews, size, encoder::embed));
                }
            }
            try (ClipQueryEncoder queries = InstalledModels.queryEncoder(store, spec.commandLine().getErr())
                    .orElseThrow()) {
                long start = System.nanoTime();
                for (int i = 0; i < photos; i++) {
                    queries.encode(QueryText.english("a photo of a dog playing in the snow number " + i));
                }
                row(out, "CLIP query encoding (per query)", clip.get().spec().name(), 1,
                        (System.nanoTime() - start) / 1e6 / photos);
            }
        }
        Optional<InstalledModel> captioner = store.find("captioner");
        if (captioner.isPresent()) {
            try (Captioner c = Captioner.load(captioner.get(), Captioner.Settings.DEFAULT, 0)) {
                row(out, "caption (greedy, 20 tokens max)", captioner.get().spec().name(), batch,
                        timePerPhoto(previews, batch, c::caption));
            }
        }
        out.flush();
        return 0;
    }

    @FunctionalInterface
    private interface Stage {
        void run(List<BufferedImage> batch) throws IOException;
    }

    /** Runs the stage over every photo once to warm up, then three times; the best run, in ms per photo. */
    private static double timePerPhoto(List<BufferedImage> previews, int size, Stage stage) throws IOException {
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 4; round++) {
            long start = System.nanoTime();
            for (int from = 0; from < previews.size(); from += size) {
                stage.run(previews.subList(from, Math.min(previews.size(), from + size)));
            }
            double ms = (System.nanoTime() - start) / 1e6 / previews.size();
            best = round == 0 ? best : Math.min(best, ms);
        }
        return best;
    }

    private static void row(PrintWriter out, String stage, String model, int batch, double ms) {
        out.printf("| %s | %s | %d | %.2f |%n", stage, model, batch, ms);
        out.flush();
    }

    /** Previews as the indexer sees them: 1024×768 pictures of random shapes. */
    private static List<BufferedImage> previews(int n) {
        Random random = new Random(42);
        List<BufferedImage> images = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            BufferedImage image = new BufferedImage(1024, 768, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            for (int s = 0; s < 20; s++) {
                g.setColor(new Color(random.nextInt(0xffffff)));
                g.fillRect(random.nextInt(1024), random.nextInt(768), 50 + random.nextInt(400),
                        50 + random.nextInt(300));
            }
            g.dispose();
            images.add(image);
        }
        return images;
    }
}
