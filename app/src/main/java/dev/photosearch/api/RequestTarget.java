package dev.photosearch.api;

import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Refuses a request target that Jetty would quietly repair: a path with {@code .} or {@code ..} segments (resolved
 * to another path, or the page, instead of saying the address is wrong) and a query string whose percent-encoding
 * is broken ({@code %zz}, a lone {@code %}, bytes that are not UTF-8), which the parameter parser would drop,
 * making {@code q=%zz} look like an empty query.
 */
final class RequestTarget {

    private static final Pattern DOT_SEGMENT = Pattern.compile("(^|/)(\\.|%2e){1,2}(/|$)", Pattern.CASE_INSENSITIVE);

    private RequestTarget() {}

    static void check(Context ctx) {
        if (DOT_SEGMENT.matcher(ctx.req().getRequestURI()).find()) {
            throw ApiException.badRequest("the path has '.' or '..' segments; ask for the resource by its own path");
        }
        String query = ctx.queryString();
        if (query != null && !decodes(query)) {
            throw ApiException.badRequest("the query string has an invalid percent-encoding: each '%' must be"
                    + " followed by two hexadecimal digits, and the bytes must be UTF-8");
        }
    }

    static boolean decodes(String query) {
        ByteBuffer bytes = ByteBuffer.allocate(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c != '%') {
                bytes.put(c < 0x80 ? (byte) c : (byte) '?');
                continue;
            }
            if (i + 2 >= query.length()) {
                return false;
            }
            int high = Character.digit(query.charAt(i + 1), 16);
            int low = Character.digit(query.charAt(i + 2), 16);
            if (high < 0 || low < 0) {
                return false;
            }
            bytes.put((byte) (high * 16 + low));
            i += 2;
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
