package dev.photosearch.api;

import dev.photosearch.index.IndexedPhoto;
import dev.photosearch.search.PhotoSearcher;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.regex.Pattern;

/** Finds the photo named by the {@code {id}} of a route, refusing ids that are not ids. */
final class PhotoLookup {

    /** Photo ids are hex digests; anything else is refused before it reaches the index or the disk. */
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8,64}");

    private final PhotoSearcher searcher;

    PhotoLookup(PhotoSearcher searcher) {
        this.searcher = searcher;
    }

    static String id(Context ctx) {
        String id = ctx.pathParam("id");
        if (!ID.matcher(id).matches()) {
            throw ApiException.badRequest("not a photo id: ids are lower-case hexadecimal");
        }
        return id;
    }

    IndexedPhoto require(Context ctx) throws IOException {
        String id = id(ctx);
        return searcher.find(id).orElseThrow(() -> ApiException.notFound("no photo with id " + id));
    }
}
