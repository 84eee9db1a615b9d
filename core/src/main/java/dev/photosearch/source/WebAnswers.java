package dev.photosearch.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Reads what an answer of Instagram's web API means for the run: usable JSON, a login wall, a challenge to the
 * account, or a way of asking that no longer works ({@link RouteFailed}, so the caller tries the next way).
 */
final class WebAnswers {

    /** The answers by which Instagram asks the account holder to act; the run stops and names which. */
    private static final List<String> CHALLENGES = List.of("challenge_required", "checkpoint_required",
            "feedback_required");

    private WebAnswers() {}

    /** The JSON of a usable answer; throws {@link CollectionStopped} or {@link RouteFailed} otherwise. */
    static JsonNode check(PoliteHttp.Answer answer, boolean loggedIn) throws SourceException {
        if (answer.status() / 100 == 3) {
            throw redirected(answer.location(), loggedIn);
        }
        JsonNode json = answer.json();
        String message = json == null ? "" : json.path("message").asText("");
        String challenge = challenge(json, message);
        if (challenge != null) {
            throw CollectionStopped.accountChallenged(challenge);
        }
        if (json != null && (json.path("require_login").asBoolean(false) || message.contains("login_required"))) {
            throw CollectionStopped.loginRequired(message.isEmpty() ? "login required" : message, loggedIn);
        }
        if (answer.status() == 401 || answer.status() == 403) {
            throw CollectionStopped.loginRequired("HTTP " + answer.status(), loggedIn);
        }
        if (!answer.ok() || json == null || "fail".equals(json.path("status").asText())) {
            throw new RouteFailed("Instagram answered HTTP " + answer.status() + (message.isEmpty() ? "" : ": "
                    + message));
        }
        return json;
    }

    /** A 401 "please wait a few minutes": a rate limit once, a retired query when it comes again. */
    static boolean pleaseWait(PoliteHttp.Answer answer) {
        return answer.status() == 401 && answer.json() != null
                && !answer.json().path("require_login").asBoolean(false)
                && answer.json().path("message").asText("").toLowerCase(Locale.ROOT).contains("wait a few minutes");
    }

    static void failIfPleaseWait(PoliteHttp.Answer answer, String path) throws RouteFailed {
        if (pleaseWait(answer)) {
            throw new RouteFailed("Instagram answered 401 \"please wait a few minutes\" twice to " + path
                    + ", as it does to a query it retired");
        }
    }

    private static SourceException redirected(String location, boolean loggedIn) {
        String path = "";
        try {
            path = location == null ? "" : URI.create(location.strip()).getPath();
        } catch (IllegalArgumentException e) {
            // not a URL: handled as a redirect elsewhere below
        }
        path = path == null ? "" : path;
        if (path.startsWith("/challenge")) {
            return CollectionStopped.accountChallenged("a challenge page");
        }
        if (path.isEmpty() || path.equals("/") || path.startsWith("/accounts/login")) {
            return CollectionStopped.loginRequired("redirected to " + (path.isEmpty() ? "/" : path), loggedIn);
        }
        return new RouteFailed("Instagram redirected to " + path + " instead of answering");
    }

    private static String challenge(JsonNode json, String message) {
        if (json == null) {
            return null;
        }
        for (String kind : CHALLENGES) {
            if (message.contains(kind) || kind.equals(json.path("error_type").asText(""))) {
                return kind;
            }
        }
        if (json.has("checkpoint_url")) {
            return "checkpoint_required";
        }
        return json.path("challenge").isObject() ? "challenge_required" : null;
    }
}
