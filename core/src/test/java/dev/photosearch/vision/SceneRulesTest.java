package dev.photosearch.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SceneRulesTest {

    private static SceneRules rules(String... lines) throws IOException {
        return SceneRules.parse(new BufferedReader(new StringReader(String.join("\n", lines))));
    }

    private static SceneRules.Seen seen(Map<String, Integer> objects, Map<String, Double> colours, double brightness) {
        return new SceneRules.Seen(objects, colours, brightness);
    }

    @Test
    void everyKindOfClauseIsRead() throws IOException {
        SceneRules r = rules("# comment",
                "in a kitchen\t0.9\toven|microwave !toilet\tkitchen",
                "a crowd\t0.8\tperson>=4\tcrowd",
                "on grass\t0.7\tcolour:green>=0.3 !bed\tgrass",
                "at night\t0.6\tdark\tnight",
                "a meal\t0.6\tdining_table pizza\tmeal",
                "a guess\t0.2\tnothing\tx");
        assertEquals(List.of("in a kitchen"), r.infer(seen(Map.of("oven", 1), Map.of(), 0.5)));
        assertEquals(List.of(), r.infer(seen(Map.of("oven", 1, "toilet", 1), Map.of(), 0.5)));
        assertEquals(List.of("a crowd"), r.infer(seen(Map.of("person", 4), Map.of(), 0.5)));
        assertEquals(List.of(), r.infer(seen(Map.of("person", 3), Map.of(), 0.5)));
        assertEquals(List.of("on grass", "at night"), r.infer(seen(Map.of(), Map.of("green", 0.4), 0.2)));
        assertEquals(List.of("a meal"), r.infer(seen(Map.of("dining table", 1, "pizza", 2), Map.of(), 0.5)));
        // Under the confidence bar, a rule that holds is not said.
        assertTrue(r.rules().get(5).holds().test(seen(Map.of(), Map.of(), 0.5)));
        assertFalse(r.infer(seen(Map.of(), Map.of(), 0.5)).contains("a guess"));
    }

    @Test
    void malformedLinesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> rules("ok\t0.9\toven\tkitchen", "broken\t0.9\toven"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> rules("x\t0.9\tcolour:green\tgrass"));
        assertThrows(IllegalArgumentException.class, () -> rules("x\thigh\toven\tkitchen"));
    }

    @Test
    void theShippedRulesLoadAndOnlyNameKnownObjects() {
        SceneRules shipped = SceneRules.load();
        assertTrue(shipped.rules().size() >= 20);
        var labels = ObjectClass.coco().stream().map(ObjectClass::label).toList();
        for (SceneRules.Rule rule : shipped.rules()) {
            assertTrue(rule.confidence() >= 0 && rule.confidence() <= 1, rule.phrase());
            for (String clause : rule.conditions().split("\\s+")) {
                if (clause.startsWith("colour:") || List.of("bright", "dark", "nothing").contains(clause)) {
                    continue;
                }
                for (String label : clause.replace("!", "").replaceAll(">=\\d+", "").split("\\|")) {
                    assertTrue(labels.contains(label.replace('_', ' ')), rule.phrase() + ": " + label);
                }
            }
        }
        assertEquals(List.of("skiing on a snowy slope"), shipped.infer(seen(Map.of("skis", 2), Map.of(), 0.5)));
    }

    @Test
    void seenReadsTheObjectsAndColoursOfAnalyses() {
        Analysis objects = new Analysis("objects", 1, "two dogs", List.of(), Map.of("objects", "dog:2"), List.of(
                new Region("dog", 0.9, 0, 0, 0.5, 0.5), new Region("dog", 0.8, 0.5, 0.5, 0.5, 0.5)));
        Analysis colours = new Analysis("colours", 1, "mostly green", List.of(),
                Map.of("colours", "green:0.50,white:0.25", "brightness", "0.42"));
        SceneRules.Seen seen = SceneRules.Seen.of(List.of(objects, colours));
        assertEquals(Map.of("dog", 2), seen.objects());
        assertEquals(0.5, seen.colours().get("green"));
        assertEquals(0.42, seen.brightness());
    }
}
