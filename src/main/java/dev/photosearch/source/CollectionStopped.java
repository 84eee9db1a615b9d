package dev.photosearch.source;

/**
 * Instagram will not give more for now (login wall, rate limit, spent budget, bad token): the collector stops
 * cleanly, keeping what it collected. The message says why and what to do.
 */
public final class CollectionStopped extends SourceException {

    CollectionStopped(String message) {
        super(message);
    }

    static CollectionStopped loginRequired(String detail) {
        return new CollectionStopped("Instagram asks for a login (" + detail + "). Pass a session cookie of your own"
                + " account with --instagram-cookies FILE, or try again later.");
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
