package dev.photosearch.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a profile: {@code web_profile_info} (the id, privacy and the newest posts), else the numeric id from
 * {@code /web/search/topsearch/}, else from the profile page's {@code "profile_id"}. A way that fails (a 400 for
 * some business accounts, a 429) hands over to the next; only a 404 means there is no such profile.
 */
final class AccountLookup {

    /**
     * What {@code web_profile_info} says of a profile.
     *
     * @param timeline its newest posts, {@code edge_owner_to_timeline_media} in the GraphQL node shape; null when
     *                 absent
     */
    record Profile(String id, boolean isPrivate, JsonNode timeline) {}

    private static final Pattern PROFILE_ID = Pattern.compile("\"profile_id\"\\s*:\\s*\"(\\d+)\"");

    private final WebAppClient client;
    private final String username;

    AccountLookup(WebAppClient client, String username) {
        this.client = client;
        this.username = username;
    }

    /** The profile from {@code web_profile_info}; {@link RouteFailed} when that way does not answer. */
    Profile profile() throws IOException {
        PoliteHttp.Answer answer = client.get("/api/v1/users/web_profile_info/?username=" + encode(username));
        if (answer.status() == 404) {
            throw noSuchProfile();
        }
        JsonNode user = WebAnswers.check(answer, client.loggedIn()).path("data").path("user");
        if (!user.isObject()) {
            throw noSuchProfile();
        }
        String id = user.path("id").asText("");
        if (!id.matches("\\d+")) {
            throw new RouteFailed("web_profile_info gave no numeric id");
        }
        JsonNode timeline = user.get("edge_owner_to_timeline_media");
        return new Profile(id, user.path("is_private").asBoolean(false),
                timeline != null && timeline.isObject() ? timeline : null);
    }

    /** The numeric id, by the first way that answers. */
    String id() throws IOException {
        StringBuilder failures = new StringBuilder();
        try {
            return profile().id();
        } catch (RouteFailed e) {
            failures.append("web_profile_info: ").append(e.getMessage());
        }
        try {
            return fromSearch();
        } catch (RouteFailed e) {
            failures.append("; search: ").append(e.getMessage());
        }
        try {
            return fromProfilePage();
        } catch (RouteFailed e) {
            failures.append("; profile page: ").append(e.getMessage());
        }
        throw new SourceException("could not find the numeric id of @" + username + " (" + failures + "); give it"
                + " as instagram:id:NUMBER if you know it");
    }

    private String fromSearch() throws IOException {
        JsonNode json = WebAnswers.check(client.get("/web/search/topsearch/?query=" + encode(username)),
                client.loggedIn());
        for (JsonNode entry : json.path("users")) {
            JsonNode user = entry.path("user");
            if (username.equalsIgnoreCase(user.path("username").asText(""))) {
                String pk = user.path("pk").asText(user.path("pk_id").asText(""));
                if (pk.matches("\\d+")) {
                    return pk;
                }
            }
        }
        throw new RouteFailed("@" + username + " is not among the results");
    }

    private String fromProfilePage() throws IOException {
        PoliteHttp.Answer answer = client.page("/" + username + "/");
        if (answer.status() == 404) {
            throw noSuchProfile();
        }
        if (answer.status() / 100 == 3) {
            WebAnswers.check(answer, client.loggedIn());
        }
        Matcher id = PROFILE_ID.matcher(answer.ok() ? answer.text() : "");
        if (!id.find()) {
            throw new RouteFailed("HTTP " + answer.status() + " without \"profile_id\"");
        }
        return id.group(1);
    }

    private SourceException noSuchProfile() {
        return new SourceException("Instagram has no profile named \"" + username + "\"");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
