package dev.photosearch.models;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** The models PhotoSearch knows how to download and use, read from {@code catalog.json} in the resources. */
public final class ModelCatalog {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private record Document(List<ModelSpec> models) {}

    private final List<ModelSpec> models;

    private ModelCatalog(List<ModelSpec> models) {
        this.models = List.copyOf(models);
    }

    /** The catalogue shipped with the application. */
    public static ModelCatalog builtIn() {
        try (InputStream in = ModelCatalog.class.getResourceAsStream("catalog.json")) {
            if (in == null) {
                throw new IllegalStateException("catalog.json is missing from the application");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in model catalogue", e);
        }
    }

    /** Reads a catalogue document ({@code {"models": [...]}}). */
    public static ModelCatalog read(InputStream in) throws IOException {
        return new ModelCatalog(JSON.readValue(in, Document.class).models());
    }

    /** A catalogue of these models (tests describe their tiny graphs with one). */
    public static ModelCatalog of(List<ModelSpec> models) {
        return new ModelCatalog(models);
    }

    public List<ModelSpec> all() {
        return models;
    }

    public Optional<ModelSpec> find(String name) {
        return models.stream().filter(m -> m.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    /** The model named {@code name}; the error lists the known names. */
    public ModelSpec byName(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown model '" + name + "'; known: "
                + String.join(", ", models.stream().map(ModelSpec::name).toList())));
    }
}
