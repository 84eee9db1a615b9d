package dev.photosearch.source;

/**
 * Instagram will not give more for now (login wall, challenge, rate limit, retired query, spent budget, bad token):
 * the collector stops cleanly, keeping what it collected. The message says why and what to do.
 */
public final class CollectionStopped extends SourceException {

    CollectionStopped(String message) {
        super(message);
    }

    /** A login wall; with a cookie already passed, the advice is to renew it rather than to pass one. */
    static CollectionStopped loginRequired(String detail, boolean withCookie) {
        return new CollectionStopped("Instagram asks for a login (" + detail + "). " + (withCookie
                ? "The session cookie given was refused: it may have expired or been logged out; export a fresh"
                        + " one from your browser and pass it with --instagram-cookies FILE."
                : "Pass a session cookie of your own account with --instagram-cookies FILE, or try again later."));
    }

    /** Without a login Instagram shows only the newest posts of a profile. */
    static CollectionStopped olderPostsNeedLogin(String username) {
        return new CollectionStopped("without a login Instagram shows only the newest posts of @" + username
                + "; pass a session cookie of your own account with --instagram-cookies FILE to collect the older"
                + " ones (the next run continues where this one stopped).");
    }

    /** Instagram wants the account holder to act (challenge_required, checkpoint_required, feedback_required). */
    static CollectionStopped accountChallenged(String kind) {
        return new CollectionStopped("Instagram stopped the run with " + kind + ": open Instagram in your browser"
                + " with the same account, answer what it asks, then run the command again.");
    }

    /** Every route to the posts failed; the last one said why. */
    static CollectionStopped noRouteLeft(String detail) {
        return new CollectionStopped("no way of reading the posts works any more (" + detail + ").");
    }

    static CollectionStopped budgetSpent(int budget) {
        return new CollectionStopped("the request budget of this run (" + budget + ") is spent; run the command"
                + " again later to continue where it stopped.");
    }

    static CollectionStopped rateLimited(String detail) {
        return new CollectionStopped("Instagram limits the requests (" + detail + "); wait an hour or so and run"
                + " the command again to continue where it stopped.");
    }
}
