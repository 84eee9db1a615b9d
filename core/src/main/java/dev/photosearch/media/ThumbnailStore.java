package dev.photosearch.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Thumbnails on disk as JPEG, at {@code <dir>/<first two chars of id>/<id>.jpg}, written atomically. */
final class ThumbnailStore {

    private static final float QUALITY = 0.85f;
    // Ids are hex digests; anything else could climb out of the directory.
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-]{2,}");

    private final Path dir;
    /** Temporary files older than this were left by an earlier process killed while writing (one writer per home). */
    private final FileTime opened;

    ThumbnailStore(Path dir) {
        this.dir = dir;
        this.opened = FileTime.from(Instant.now());
    }

    Path pathFor(String id) {
        if (!SAFE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a photo id: " + id);
        }
        return dir.resolve(id.substring(0, 2)).resolve(id + ".jpg");
    }

    Optional<Path> find(String id) {
        Path path = pathFor(id);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    /** Deletes the thumbnail of the photo with this id, if there is one. */
    void delete(String id) throws IOException {
        Files.deleteIfExists(pathFor(id));
    }

    /** Writes an opaque RGB image; readers never see a half-written file. */
    Path write(String id, BufferedImage rgb) throws IOException {
        Path target = pathFor(id);
        Files.createDirectories(target.getParent());
        deleteStaleTemporaries(target.getParent(), id);
        Path temp = Files.createTempFile(target.getParent(), id + ".", ".tmp");
        try {
            writeJpeg(rgb, temp);
            return Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Removes what a kill -9 left of earlier writes of this thumbnail; files being written now are newer. */
    private void deleteStaleTemporaries(Path folder, String id) throws IOException {
        // "ID.<random>.tmp": the dot keeps another id starting with this one out.
        try (DirectoryStream<Path> temporaries = Files.newDirectoryStream(folder, id + ".*.tmp")) {
            for (Path temp : temporaries) {
                if (Files.getLastModifiedTime(temp, LinkOption.NOFOLLOW_LINKS).compareTo(opened) < 0) {
                    Files.deleteIfExists(temp);
                }
            }
        }
    }

    private static void writeJpeg(BufferedImage rgb, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.setOutput(out);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
