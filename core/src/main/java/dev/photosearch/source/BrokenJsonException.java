package dev.photosearch.source;

/** A JSON file that stops being readable part-way: cut short, or broken after some elements were read. */
final class BrokenJsonException extends SourceException {

    private final int elementsRead;

    BrokenJsonException(String message, int elementsRead, Throwable cause) {
        super(message, cause);
        this.elementsRead = elementsRead;
    }

    /** How many array elements were read whole, and handed on, before the break. */
    int elementsRead() {
        return elementsRead;
    }
}
