package dev.photosearch.models;

import java.nio.file.Path;

/**
 * A model whose files are all on disk and verified.
 *
 * @param spec its catalogue entry
 * @param dir  its folder
 */
public record InstalledModel(ModelSpec spec, Path dir) {

    /** The path of the file playing {@code role}. */
    public Path file(String role) {
        return dir.resolve(spec.file(role).path());
    }

    /** Name and revision, stored with what the model computed so another model's output is never mixed in. */
    public String id() {
        return spec.name() + "@" + spec.revision();
    }
}
