package dev.photosearch.vision;

import java.util.List;
import java.util.Map;

/**
 * What one analyser saw in one photo.
 *
 * @param analyser name of the analyser
 * @param version  version of the analyser; a change triggers re-analysis
 * @param phrase   a short English phrase for the photo's description ("mostly blue and white, bright")
 * @param terms    words to index as their own field ("blue", "white", "bright")
 * @param facts    structured results for display, as strings
 * @param regions  where in the image things were seen (objects, text), for display; empty when not applicable
 */
public record Analysis(String analyser, int version, String phrase, List<String> terms, Map<String, String> facts,
        List<Region> regions) {
    public Analysis {
        phrase = phrase == null ? "" : phrase;
        terms = terms == null ? List.of() : List.copyOf(terms);
        facts = facts == null ? Map.of() : Map.copyOf(facts);
        regions = regions == null ? List.of() : List.copyOf(regions);
    }

    /** An analysis that locates nothing. */
    public Analysis(String analyser, int version, String phrase, List<String> terms, Map<String, String> facts) {
        this(analyser, version, phrase, terms, facts, List.of());
    }
}
