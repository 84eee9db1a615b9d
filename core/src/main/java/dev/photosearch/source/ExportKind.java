package dev.photosearch.source;

/** The JSON files of an Instagram export that hold photos, and how each lists its media. */
enum ExportKind {
    POSTS(null, "post"),
    STORIES("ig_stories", "story"),
    PROFILE_PICTURES("ig_profile_picture", "profile_picture");

    /** Top-level field holding the media array; null when the document is the array itself. */
    final String arrayField;
    /** Value of the "kind" metadata key of the photos read from this file. */
    final String label;

    ExportKind(String arrayField, String label) {
        this.arrayField = arrayField;
        this.label = label;
    }

    /** The kind of an export JSON file by its name, or null when it holds no photos. */
    static ExportKind ofFileName(String name) {
        if (name.matches("posts_\\d+\\.json")) {
            return POSTS;
        }
        return switch (name) {
            case "stories.json" -> STORIES;
            case "profile_photos.json" -> PROFILE_PICTURES;
            default -> null;
        };
    }
}
