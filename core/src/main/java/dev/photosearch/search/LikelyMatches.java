package dev.photosearch.search;

import dev.photosearch.index.Ranked;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which candidates are likely what a query asks for, from the meaning signal's own scores (the cosine score
 * (1 + cos) / 2). The fused score cannot tell: it only says how a photo ranks among the candidates, so the best of a
 * hundred poor ones scores near 1.
 */
final class LikelyMatches {

    /** A score at which a photo matches whatever else ranks near it. */
    static final float SURE = 0.88f;
    /** How far above the background a photo must stand (0.1 of cosine). */
    static final float ABOVE_BACKGROUND = 0.05f;
    /** The rank whose score is the background: what this query finds close in any collection. */
    static final int BACKGROUND_RANK = 10;
    /** Below this score nothing is likely: the best photo of another collection scores about 0.78. */
    static final float FLOOR = 0.80f;

    private LikelyMatches() {}

    /**
     * The ids of {@code meaning} (the vector signal's ranking, best first) that are likely matches: a photo scoring
     * {@value #SURE} or more, or {@value #FLOOR} or more and {@value #ABOVE_BACKGROUND} above the
     * {@value #BACKGROUND_RANK}th (the last when fewer). The constants gave the best F1 on half of the COCO captions
     * and of the Instagram paraphrases, with a likely match for at most 4% of queries asked of the other collection
     * (docs/benchmarks.md, "Likely matches").
     */
    static Set<String> in(List<Ranked> meaning) {
        Set<String> likely = new HashSet<>();
        if (meaning.isEmpty()) {
            return likely;
        }
        float background = meaning.get(Math.min(BACKGROUND_RANK, meaning.size()) - 1).score();
        for (Ranked photo : meaning) {
            float score = photo.score();
            if (score >= SURE || score >= FLOOR && score - background >= ABOVE_BACKGROUND) {
                likely.add(photo.id());
            }
        }
        return likely;
    }
}
