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
 */
public record Analysis(String analyser, int version, String phrase, List<String> terms, Map<String, String> facts) {
    public Analysis {
        phrase = phrase == null ? "" : phrase;
        terms = terms == null ? List.of() : List.copyOf(terms);
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }
}
