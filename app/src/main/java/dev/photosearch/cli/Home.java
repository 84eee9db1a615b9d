package dev.photosearch.cli;

import java.nio.file.Path;

/** The folder where PhotoSearch keeps its index and thumbnails. */
record Home(Path dir) {

    /** {@code --home}, else {@code $PHOTOSEARCH_HOME}, else {@code ~/.photosearch}. */
    static Home resolve(Path option) {
        if (option != null) {
            return new Home(option.toAbsolutePath().normalize());
        }
        String env = System.getenv("PHOTOSEARCH_HOME");
        if (env != null && !env.isBlank()) {
            return new Home(Path.of(env).toAbsolutePath().normalize());
        }
        return new Home(Path.of(System.getProperty("user.home"), ".photosearch"));
    }

    Path index() {
        return dir.resolve("index");
    }

    Path thumbnails() {
        return dir.resolve("thumbnails");
    }
}
