package dev.photosearch.media;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Encoded image bytes for an image reader, which stop a reader that keeps reading past their end: some decoders take
 * the end of the data for zero bits and would loop for minutes on a few crafted bytes (TwelveMonkeys' WebP lossless
 * Huffman tables). The reader then fails with an unchecked {@link EOFException}, which it cannot swallow.
 */
final class EndCappedImageInput extends MemoryCacheImageInputStream {

    /** Reads past the end a well-behaved reader makes are a handful (probing, a missing end marker). */
    private static final int MAX_READS_PAST_END = 1024;

    private int readsPastEnd;

    EndCappedImageInput(byte[] bytes) {
        // Memory cache: ImageIO's default for streams is a temporary file per image.
        super(new ByteArrayInputStream(bytes));
    }

    @Override
    public int read() throws IOException {
        return counted(super.read());
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return counted(super.read(b, off, len));
    }

    private int counted(int result) {
        if (result < 0 && ++readsPastEnd > MAX_READS_PAST_END) {
            throw new UncheckedIOException(new EOFException("the decoder kept reading past the end of the image"));
        }
        return result;
    }
}
