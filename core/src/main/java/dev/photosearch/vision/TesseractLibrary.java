package dev.photosearch.vision;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.leptonica.global.leptonica;
import org.bytedeco.tesseract.TessBaseAPI;
import org.bytedeco.tesseract.global.tesseract;

/**
 * Tesseract's library inside the JVM (javacpp's build, shipped for each platform of the README), one engine per
 * thread: loading the language data costs about half a second, which a program started per photo would pay each time.
 */
final class TesseractLibrary {

    /** Page segmentation 11: sparse text anywhere in the picture, as on signs, rather than a page layout. */
    private static final int SPARSE_TEXT = 11;

    private final String dataPath;
    private final String languages;
    private final List<TessBaseAPI> engines = new CopyOnWriteArrayList<>();
    private final ThreadLocal<TessBaseAPI> engine = ThreadLocal.withInitial(this::start);
    private volatile boolean closed;

    private TesseractLibrary(String dataPath, String languages) {
        this.dataPath = dataPath;
        this.languages = languages;
    }

    /** Loads the library and the languages from {@code dataPath}; fails with a LinkageError where it has no build. */
    static TesseractLibrary load(String dataPath, String languages) {
        // Leptonica's complaints about boxes at the image's edge would fill the operator's console.
        leptonica.setMsgSeverity(leptonica.L_SEVERITY_NONE);
        TesseractLibrary library = new TesseractLibrary(dataPath, languages);
        // One engine proves the library and the languages load; the loading thread reads nothing, so it is let go
        // rather than kept (its language data holds tens of megabytes).
        TessBaseAPI probe = library.start();
        library.engines.remove(probe);
        probe.End();
        probe.close();
        return library;
    }

    private TessBaseAPI start() {
        TessBaseAPI api = new TessBaseAPI();
        if (api.Init(dataPath, languages) != 0) {
            api.close();
            throw new IllegalStateException("tesseract cannot load " + languages + " from " + dataPath);
        }
        api.SetPageSegMode(SPARSE_TEXT);
        // Its progress notes ("Estimating resolution as ...") would fill the operator's console.
        api.SetVariable("debug_file", "/dev/null");
        engines.add(api);
        return api;
    }

    /** Tesseract's TSV output for the image. Safe to call from several threads. */
    String read(BufferedImage image) {
        if (closed) {
            throw new IllegalStateException("the text reader is closed");
        }
        TessBaseAPI api = engine.get();
        int width = image.getWidth();
        api.SetImage(rgb(image), width, image.getHeight(), 3, 3 * width);
        BytePointer text = api.GetTSVText(0);
        try {
            return text == null ? "" : text.getString(StandardCharsets.UTF_8);
        } finally {
            tesseract.TessDeleteText(text);
            api.Clear();
        }
    }

    private static byte[] rgb(BufferedImage image) {
        int width = image.getWidth();
        int[] row = new int[width];
        byte[] bytes = new byte[3 * width * image.getHeight()];
        for (int y = 0, i = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int p : row) {
                bytes[i++] = (byte) (p >> 16);
                bytes[i++] = (byte) (p >> 8);
                bytes[i++] = (byte) p;
            }
        }
        return bytes;
    }

    void close() {
        closed = true;
        for (TessBaseAPI api : engines) {
            api.End();
            api.close();
        }
        engines.clear();
    }
}
