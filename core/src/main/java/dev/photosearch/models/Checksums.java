package dev.photosearch.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Checks a model file against its expected size and SHA-256. */
final class Checksums {

    private Checksums() {}

    static String sha256(Path file) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Verifies {@code file} against the catalogue ({@code expected}) and a hash recorded by an earlier install
     * ({@code recorded}, may be null); returns its SHA-256.
     */
    static String verify(String model, ModelFile expected, Path file, String recorded) throws IOException {
        long size = Files.size(file);
        if (expected.size() != null && size != expected.size()) {
            throw new ModelException(model + ": " + expected.path() + " has " + size + " bytes, expected "
                    + expected.size() + ": refused (wrong or truncated file)");
        }
        String actual = sha256(file);
        String wanted = expected.sha256() != null ? expected.sha256() : recorded;
        if (wanted != null && !wanted.equalsIgnoreCase(actual)) {
            throw new ModelException(model + ": " + expected.path() + " fails its checksum (sha256 " + actual
                    + ", expected " + wanted + "): refused (corrupt or different file)");
        }
        return actual;
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
