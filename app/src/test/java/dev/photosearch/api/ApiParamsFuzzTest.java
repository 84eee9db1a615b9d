package dev.photosearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.photosearch.search.ListRequest;
import dev.photosearch.search.SearchRequest;
import io.javalin.http.servlet.JavalinServletContextKt;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the API's parameter parsing (Jazzer), no server needed: any query string, split as
 * Javalin splits it for {@code ctx.queryParam}, gives a search request within the documented bounds or an
 * {@link ApiException} (400, or 413 for a long query), and a listing within the same bounds or a 400; any
 * {@code POST /api/sources} body gives a source or a 400.
 */
@Timeout(10)
class ApiParamsFuzzTest {

    @FuzzTest
    void searchQuery(byte[] input) {
        String query = new String(input, StandardCharsets.UTF_8);
        Map<String, List<String>> params = JavalinServletContextKt.splitKeyValueStringAndGroupByKey(query, "UTF-8");
        try {
            SearchRequest request = SearchParams.read(name -> params.getOrDefault(name, List.of()).stream()
                    .findFirst().orElse(null));
            assertFalse(request.query().isBlank());
            assertTrue(request.limit() >= 1 && request.limit() <= SearchParams.MAX_LIMIT, request.toString());
            assertTrue(request.offset() >= 0 && request.offset() <= SearchParams.MAX_OFFSET, request.toString());
        } catch (ApiException e) {
            assertTrue(e.status() == 400 || e.status() == 413, e.status() + " " + e.getMessage());
        }
    }

    @FuzzTest
    void listQuery(byte[] input) {
        Map<String, List<String>> params = JavalinServletContextKt.splitKeyValueStringAndGroupByKey(
                new String(input, StandardCharsets.UTF_8), "UTF-8");
        try {
            ListRequest request = ListParams.read(name -> params.getOrDefault(name, List.of()).stream()
                    .findFirst().orElse(null));
            assertTrue(request.limit() >= 1 && request.limit() <= SearchParams.MAX_LIMIT, request.toString());
            assertTrue(request.offset() >= 0 && request.offset() <= SearchParams.MAX_OFFSET, request.toString());
        } catch (ApiException e) {
            assertEquals(400, e.status(), e.getMessage());
        }
    }

    @FuzzTest
    void sourceBody(byte[] input) {
        try {
            assertFalse(SourceRoutes.sourceOf(new String(input, StandardCharsets.UTF_8)).isBlank());
        } catch (ApiException e) {
            assertEquals(400, e.status(), e.getMessage());
        }
    }
}
