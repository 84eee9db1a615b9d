package dev.photosearch.index;

import java.util.Comparator;

/**
 * One photo of a signal's ranking.
 *
 * @param id    the photo's id
 * @param score the signal's own score: BM25, or the cosine score (1 + cos) / 2
 */
public record Ranked(String id, float score) {

    /** Best score first; equal scores by id, so that every store ranks ties alike. */
    public static final Comparator<Ranked> BEST_FIRST =
            Comparator.comparingDouble((Ranked r) -> -r.score()).thenComparing(Ranked::id);
}
