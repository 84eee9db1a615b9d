package dev.photosearch.cli;

import dev.photosearch.embed.ClipQueryEncoder;
import dev.photosearch.embed.ClipTextEncoder;
import dev.photosearch.embed.CrossModalEncoder;
import dev.photosearch.embed.MultilingualClipTextEncoder;
import dev.photosearch.models.InstalledModel;
import dev.photosearch.models.ModelStore;
import dev.photosearch.vision.Analyser;
import dev.photosearch.vision.Analysers;
import dev.photosearch.vision.CaptionAnalyser;
import dev.photosearch.vision.Captioner;
import dev.photosearch.vision.ClipImageEncoder;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The models a command uses: for indexing, the shipped analysers with CLIP's image encoder and the captioner when
 * they are installed; for search, CLIP's text encoders when installed. A model that cannot run here is reported in
 * one note and left out, so the command still runs as without it.
 */
final class InstalledModels implements AutoCloseable {

    /** ONNX Runtime's threads: every core, since the models run one batch at a time. */
    private static final int THREADS = 0;

    private final Analysers shipped;
    private final Optional<ClipImageEncoder> images;
    private final Optional<Captioner> captioner;

    private InstalledModels(Analysers shipped, Optional<ClipImageEncoder> images, Optional<Captioner> captioner) {
        this.shipped = shipped;
        this.images = images;
        this.captioner = captioner;
    }

    /** The models used while indexing; 'index' and 'serve' both use these, so neither redoes the other's work. */
    static InstalledModels forIndexing(ModelStore store, PrintWriter err) {
        Analysers shipped = Analysers.standard(notice -> err.println("photosearch: note: " + notice));
        Optional<ClipImageEncoder> images = store.find("clip")
                .flatMap(m -> load(m, err, () -> ClipImageEncoder.load(m, THREADS)));
        Optional<Captioner> captioner = store.find("captioner")
                .flatMap(m -> load(m, err, () -> Captioner.load(m, Captioner.Settings.DEFAULT, THREADS)));
        return new InstalledModels(shipped, images, captioner);
    }

    /** The CLIP query encoder when a CLIP model is installed; the caller closes it. */
    static Optional<ClipQueryEncoder> queryEncoder(ModelStore store, PrintWriter err) {
        Optional<InstalledModel> clip = store.find("clip");
        Optional<CrossModalEncoder> english = clip.flatMap(m -> load(m, err, () -> ClipTextEncoder.load(m, THREADS)));
        if (english.isEmpty()) {
            return Optional.empty();
        }
        Optional<CrossModalEncoder> multilingual = store.find("clip-text")
                .flatMap(m -> load(m, err, () -> MultilingualClipTextEncoder.load(m, THREADS)));
        return Optional.of(new ClipQueryEncoder(clip.get().id(), english.get(), multilingual));
    }

    /** CLIP's image encoder, or null. */
    ClipImageEncoder images() {
        return images.orElse(null);
    }

    /** The captioner's analyser first (its sentence reads best first), then the shipped analysers. */
    List<Analyser> analysers() {
        List<Analyser> all = new ArrayList<>();
        captioner.ifPresent(c -> all.add(new CaptionAnalyser(c)));
        all.addAll(shipped.list());
        return all;
    }

    @FunctionalInterface
    private interface Loader<T> {
        T load() throws IOException;
    }

    private static <T> Optional<T> load(InstalledModel model, PrintWriter err, Loader<T> loader) {
        try {
            return Optional.of(loader.load());
        } catch (IOException | RuntimeException e) {
            err.println("photosearch: note: model " + model.spec().name() + " is installed but cannot be loaded ("
                    + e.getMessage() + "); going on without it");
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        try (shipped) {
            images.ifPresent(ClipImageEncoder::close);
            captioner.ifPresent(Captioner::close);
        }
    }
}
