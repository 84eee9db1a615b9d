package dev.photosearch.index;

import java.util.List;
import java.util.Map;

/** Names of the stored fields, shared by every store, and the weight of each text field. */
public final class Fields {
    public static final String ID = "id";
    public static final String SOURCE = "source";
    public static final String PATH = "path";
    public static final String FINGERPRINT = "fingerprint";
    /** SHA-256 of the image file: what was seen of the same picture under another name or source is found by it. */
    public static final String CONTENT = "content";
    public static final String TAKEN_AT = "taken_at";
    public static final String VECTOR = "vector";
    /** The text model that made the vector; vectors of another model are never compared. */
    public static final String VECTOR_MODEL = "vector_model";
    /** CLIP image embedding, and the CLIP model that made it; vectors of another model are never compared. */
    public static final String CLIP = "clip";
    public static final String CLIP_MODEL = "clip_model";
    /** Present when the photo's image could not be used, so indexing does not try to embed it on every run. */
    public static final String IMAGE_UNUSABLE = "image_unusable";
    /** Runs that met a passing problem with the photo's image (a server error, a full disk), while it is retried. */
    public static final String IMAGE_TRIES = "image_tries";
    /** The whole {@link IndexedPhoto} as JSON, for display. */
    public static final String STORED = "stored";

    /** Analysed text fields, each indexed once per language (see {@link TextAnalyzers}). */
    public static final String CAPTION = "caption";
    public static final String ALT = "alt";
    public static final String PLACE = "place";
    public static final String TAGS = "tags";
    public static final String VISION = "vision";
    public static final String PATH_WORDS = "path_words";
    public static final String CONTEXT = "context";
    public static final List<String> TEXT = List.of(CAPTION, ALT, PLACE, TAGS, VISION, PATH_WORDS, CONTEXT);

    /** How much each text field counts: the owner's words first, then what was seen, then file and date facts. */
    public static final Map<String, Float> BOOSTS = Map.of(
            CAPTION, 1.0f,
            ALT, 1.0f,
            VISION, 0.8f,
            PLACE, 0.8f,
            PATH_WORDS, 0.8f,
            TAGS, 0.6f,
            CONTEXT, 0.4f);

    private Fields() {}
}
