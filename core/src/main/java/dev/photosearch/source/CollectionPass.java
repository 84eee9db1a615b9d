package dev.photosearch.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One walk down an account's posts, newest first, that has not reached its end yet.
 *
 * @param cursor     where the next page starts; null for the first page
 * @param knownBelow the number of posts stored when the walk began: meeting one of those ends the walk, since
 *                   everything older is already stored. Posts the walk itself stored (after a crash) are skipped.
 */
record CollectionPass(String cursor, int knownBelow) {

    /** The passes under the state's {@code passes}. */
    static List<CollectionPass> listFromJson(JsonNode state) {
        JsonNode passes = JsonFields.array(JsonFields.requireObject(state, "state"), "passes");
        List<CollectionPass> result = new ArrayList<>();
        if (passes != null) {
            for (JsonNode pass : passes) {
                String cursor = JsonFields.text(JsonFields.requireObject(pass, "pass"), "cursor");
                Long known = JsonFields.number(pass, "known_below");
                if (cursor != null && known != null) {
                    result.add(new CollectionPass(cursor, (int) Math.max(0, known)));
                }
            }
        }
        return result;
    }

    /** The array to save under the state's {@code passes}. */
    static ArrayNode listToJson(List<CollectionPass> passes) {
        ArrayNode array = JsonInput.MAPPER.createArrayNode();
        for (CollectionPass pass : passes) {
            array.addObject().put("cursor", pass.cursor()).put("known_below", pass.knownBelow());
        }
        return array;
    }
}
