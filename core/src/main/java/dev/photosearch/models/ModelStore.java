package dev.photosearch.models;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The installed models: one folder per model under a root ({@code <home>/models/<name>/}), holding the model's
 * files at their repository paths and a {@code manifest.json} of their verified SHA-256, written last, so a folder
 * without it is an unfinished install.
 */
public final class ModelStore {

    static final String MANIFEST = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final ModelCatalog catalog;

    public ModelStore(Path root, ModelCatalog catalog) {
        this.root = root.toAbsolutePath().normalize();
        this.catalog = catalog;
    }

    public Path root() {
        return root;
    }

    public ModelCatalog catalog() {
        return catalog;
    }

    /** Where the model's files live (whether installed or not). */
    public Path dir(ModelSpec spec) {
        return root.resolve(spec.name());
    }

    /** The model when its install finished; files are checked by size only here (hashing is for installs). */
    public Optional<InstalledModel> installed(ModelSpec spec) {
        Path dir = dir(spec);
        Map<String, String> recorded = recordedHashes(spec);
        boolean complete = !recorded.isEmpty()
                && spec.files().stream().allMatch(f -> Files.isRegularFile(dir.resolve(f.path())));
        return complete ? Optional.of(new InstalledModel(spec, dir)) : Optional.empty();
    }

    /** The first installed model of this kind, in catalogue order. */
    public Optional<InstalledModel> find(String kind) {
        return catalog.all().stream().filter(m -> m.kind().equals(kind))
                .map(this::installed).flatMap(Optional::stream).findFirst();
    }

    /**
     * Installs the model from files already on disk: each is looked for at its repository path under
     * {@code source}, else by its bare name; every file is verified before anything is copied.
     */
    public InstalledModel importFrom(ModelSpec spec, Path source) throws IOException {
        if (!Files.isDirectory(source)) {
            throw new ModelException("cannot import " + spec.name() + ": " + source + " is not a folder");
        }
        Map<String, String> recorded = recordedHashes(spec);
        Map<ModelFile, Path> found = new LinkedHashMap<>();
        for (ModelFile file : spec.files()) {
            Path candidate = source.resolve(file.path());
            if (!Files.isRegularFile(candidate)) {
                candidate = source.resolve(file.fileName());
            }
            if (!Files.isRegularFile(candidate)) {
                throw new ModelException("cannot import " + spec.name() + ": " + file.path() + " is not in "
                        + source);
            }
            found.put(file, candidate);
        }
        Map<String, String> hashes = new LinkedHashMap<>();
        for (var e : found.entrySet()) {
            hashes.put(e.getKey().path(),
                    Checksums.verify(spec.name(), e.getKey(), e.getValue(), recorded.get(e.getKey().path())));
        }
        Path dir = dir(spec);
        // Until the new manifest is written, the folder reads as an unfinished install.
        Files.deleteIfExists(dir.resolve(MANIFEST));
        for (var e : found.entrySet()) {
            Path target = dir.resolve(e.getKey().path());
            if (!target.equals(e.getValue().toAbsolutePath().normalize())) {
                Files.createDirectories(target.getParent());
                Files.copy(e.getValue(), target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        writeManifest(spec, hashes);
        return new InstalledModel(spec, dir);
    }

    /** Deletes the model's folder; false when it was not there. */
    public boolean remove(ModelSpec spec) throws IOException {
        Path dir = dir(spec);
        if (!Files.exists(dir)) {
            return false;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        return true;
    }

    /** The SHA-256 recorded by the last finished install, by file path; empty when none finished. */
    Map<String, String> recordedHashes(ModelSpec spec) {
        Path manifest = dir(spec).resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return Map.of();
        }
        try {
            return JSON.readValue(manifest.toFile(), new TypeReference<Map<String, String>>() {});
        } catch (IOException e) {
            return Map.of();
        }
    }

    void writeManifest(ModelSpec spec, Map<String, String> hashes) throws IOException {
        Path dir = dir(spec);
        Files.createDirectories(dir);
        Path tmp = dir.resolve(MANIFEST + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), hashes);
        Files.move(tmp, dir.resolve(MANIFEST), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The status of every catalogued model. */
    public List<Map.Entry<ModelSpec, Boolean>> status() {
        return catalog.all().stream().map(m -> Map.entry(m, installed(m).isPresent())).toList();
    }
}
