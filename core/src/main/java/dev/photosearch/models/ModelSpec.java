package dev.photosearch.models;

import java.util.List;

/**
 * A catalogued model: where it is published and which files make it.
 *
 * @param name       short name used on the command line ("clip-vit-b32-q")
 * @param kind       what it does: "clip" (image and text encoders), "clip-text" (a text encoder into CLIP's
 *                   space), "captioner"
 * @param title      one line for people
 * @param repository the Hugging Face repository it is downloaded from
 * @param revision   the repository revision pinned for download
 * @param licence    the licence of the weights
 * @param files      every file it needs
 */
public record ModelSpec(String name, String kind, String title, String repository, String revision,
        String licence, List<ModelFile> files) {

    public ModelSpec {
        files = List.copyOf(files);
    }

    /** The file playing {@code role}; fails when the catalogue has none (a catalogue error). */
    public ModelFile file(String role) {
        return files.stream().filter(f -> f.role().equals(role)).findFirst()
                .orElseThrow(() -> new IllegalStateException("model " + name + " has no " + role + " file"));
    }

    /** Approximate download size in megabytes. */
    public double approxMb() {
        return files.stream().mapToDouble(ModelFile::approxMb).sum();
    }
}
