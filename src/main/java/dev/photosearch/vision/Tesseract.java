package dev.photosearch.vision;

import java.awt.image.BufferedImage;

/** Tesseract, in process or as a program: reads the words of an image. */
interface Tesseract extends AutoCloseable {

    /** Page segmentation 11: sparse text anywhere in the picture, as on signs, rather than a page layout. */
    int SPARSE_TEXT = 11;

    /** Tesseract's TSV output for the image. Safe to call from several threads. */
    String read(BufferedImage image);

    @Override
    void close();
}
