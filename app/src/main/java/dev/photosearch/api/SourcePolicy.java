package dev.photosearch.api;

import dev.photosearch.source.Sources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which paths a client may add as sources over the API, judged by their real path (symbolic links followed): never
 * a system folder, never anything but a regular file or a folder, and when the server is reachable from other
 * machines (or --allow-root is given) only what lies under an --allow-root folder.
 */
final class SourcePolicy {

    private static final Path ROOT = Path.of("/");
    private static final List<Path> SYSTEM = List.of("/etc", "/proc", "/sys", "/dev", "/boot", "/usr", "/var")
            .stream().map(Path::of).toList();

    private final List<Path> allowRoots;
    private final boolean rootsRequired;

    SourcePolicy(ServerOptions options) {
        this.allowRoots = options.allowRoots();
        this.rootsRequired = !options.loopbackOnly() || !allowRoots.isEmpty();
    }

    /** Throws a 400 or 403 {@link ApiException} saying why {@code spec} may not be added; live accounts pass. */
    void check(String spec) {
        if (Sources.isLive(spec)) {
            return;
        }
        Path real = realPath(spec);
        if (real.equals(ROOT) || SYSTEM.stream().anyMatch(real::startsWith)) {
            throw new ApiException(403, "forbidden_source", real + " is a system folder; the API never indexes "
                    + "/, /etc, /proc, /sys, /dev, /boot, /usr, /var or what is under them");
        }
        if (!Files.isRegularFile(real) && !Files.isDirectory(real)) {
            throw ApiException.badRequest(spec + " is not a regular file or a folder (a FIFO, device or socket is"
                    + " never read)");
        }
        if (rootsRequired && allowRoots.stream().noneMatch(root -> under(real, root))) {
            throw new ApiException(403, "forbidden_source", allowRoots.isEmpty()
                    ? "this server is reachable from other machines, so sources may only be added under a folder"
                            + " named with 'serve --allow-root DIR'; none was given"
                    : real + " is not under an allowed folder (" + allowRoots.stream().map(Path::toString)
                            .collect(Collectors.joining(", ")) + "); start serve with --allow-root DIR to allow more");
        }
    }

    private static Path realPath(String spec) {
        try {
            Path path = Path.of(spec).toAbsolutePath().normalize();
            if (!Files.exists(path)) {
                throw ApiException.badRequest("No such file or folder: " + path);
            }
            return path.toRealPath();
        } catch (InvalidPathException e) {
            throw ApiException.badRequest("not a path: " + spec);
        } catch (IOException | SecurityException e) {
            throw ApiException.badRequest("cannot read " + spec);
        }
    }

    private static boolean under(Path real, Path root) {
        try {
            return real.startsWith(root.toRealPath());
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
