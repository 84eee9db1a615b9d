package dev.photosearch.vision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Says the detected objects the way people describe a photo: the ones filling most of the picture first
 * ("a bus, four people and a car" rather than "four people, a bus and a car"), and the likely but uncertain ones
 * apart ("perhaps a cup").
 */
final class ObjectWords {

    /** Said before the objects the detector found likely but not certain. */
    static final String PERHAPS = "perhaps";

    private final Map<String, ObjectClass> classes;

    ObjectWords(Map<String, ObjectClass> classes) {
        this.classes = classes;
    }

    /** The counted objects, largest share of the picture first; empty when nothing was detected. */
    String counted(List<Region> objects) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Double> area = new LinkedHashMap<>();
        for (Region r : objects) {
            counts.merge(r.label(), 1, Integer::sum);
            area.merge(r.label(), r.width() * r.height(), Double::sum);
        }
        List<String> order = new ArrayList<>(counts.keySet());
        order.sort(Comparator.comparing((String label) -> area.get(label)).reversed()
                .thenComparing(Comparator.naturalOrder()));
        List<String> parts = new ArrayList<>();
        for (String label : order) {
            parts.add(ObjectSummary.counted(ObjectClass.of(label, classes), counts.get(label)));
        }
        return ObjectSummary.englishList(parts);
    }

    /** "perhaps a cup and a bowl" from the detector's "perhaps" fact ("cup,bowl"); empty when there is none. */
    String perhaps(Analysis objects) {
        String labels = objects.facts().getOrDefault("perhaps", "");
        if (labels.isBlank()) {
            return "";
        }
        return PERHAPS + " " + ObjectSummary.englishList(Arrays.stream(labels.split(","))
                .map(label -> ObjectSummary.counted(ObjectClass.of(label, classes), 1)).toList());
    }
}
