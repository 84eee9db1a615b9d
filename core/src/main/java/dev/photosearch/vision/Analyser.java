package dev.photosearch.vision;

import java.awt.image.BufferedImage;

/** Looks at the pixels of a photo and says what it sees. Implementations must be safe to call from several threads. */
public interface Analyser {

    /** A short stable name, stored with each analysis ("colours", "objects", "ocr"). */
    String name();

    /** Bumped whenever the output for the same image would change; stored photos are then analysed again. */
    int version();

    /** Analyses one decoded image (at most about 1024 px on the long side). */
    Analysis analyse(BufferedImage image);
}
