package dev.photosearch.media;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.ResponseInfo;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Fetches one remote image over HTTP(S), refusing non-images, oversize bodies and slow servers. */
final class HttpFetcher {

    static final String USER_AGENT = "PhotoSearch/0.1";

    private final HttpClient client;
    private final MediaLimits limits;

    HttpFetcher(MediaLimits limits) {
        this.limits = limits;
        // NORMAL follows redirects, except from https to http; the client only speaks http(s) anyway.
        this.client = HttpClient.newBuilder()
                .connectTimeout(limits.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    byte[] fetch(URI url) throws MediaProblem {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw MediaProblem.unsupportedUrl(url.toString());
        }
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(limits.readTimeout())
                .header("User-Agent", USER_AGENT)
                .header("Accept", "image/*")
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> response = client.sendAsync(request, this::subscriberFor);
        // The request timeout stops at the headers; this deadline also covers a body that trickles in.
        Duration deadline = limits.connectTimeout().plus(limits.readTimeout());
        try {
            return response.get(deadline.toMillis(), TimeUnit.MILLISECONDS).body();
        } catch (TimeoutException e) {
            throw MediaProblem.timedOut(limits.readTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MediaProblem.interrupted();
        } catch (ExecutionException e) {
            throw problemFor(e.getCause());
        } finally {
            response.cancel(true); // aborts the exchange if it is still running; no-op once complete
        }
    }

    private MediaProblem problemFor(Throwable cause) {
        if (cause instanceof MediaProblem problem) {
            return problem;
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return MediaProblem.timedOut(limits.connectTimeout());
        }
        if (cause instanceof HttpTimeoutException) {
            return MediaProblem.timedOut(limits.readTimeout());
        }
        String message = cause.getMessage();
        return MediaProblem.fetchFailed(message == null ? cause.getClass().getSimpleName() : message);
    }

    private BodySubscriber<byte[]> subscriberFor(ResponseInfo info) {
        if (info.statusCode() != 200) {
            return new CappedBody(MediaProblem.httpStatus(info.statusCode()), 0);
        }
        String type = info.headers().firstValue("Content-Type").orElse(null);
        if (type == null || !type.strip().toLowerCase(Locale.ROOT).startsWith("image/")) {
            return new CappedBody(MediaProblem.notAnImage(type), 0);
        }
        return new CappedBody(null, limits.maxBytes());
    }

    /** Collects the body up to a cap, cancelling the download as soon as the cap is passed. */
    private static final class CappedBody implements BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final MediaProblem rejection;
        private final long cap;
        private Flow.Subscription subscription;

        /** @param rejection when not null, the body is refused unread with this problem */
        CappedBody(MediaProblem rejection, long cap) {
            this.rejection = rejection;
            this.cap = cap;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (rejection != null) {
                s.cancel();
                body.completeExceptionally(rejection);
            } else {
                s.request(1);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (body.isDone()) {
                return; // cancelled: late buffers are dropped
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + (long) buffer.remaining() > cap) {
                    subscription.cancel();
                    body.completeExceptionally(MediaProblem.tooManyBytes(cap));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable error) {
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toByteArray());
        }
    }
}
