package dev.photosearch.search;

import dev.photosearch.embed.ClipQueryEncoder;
import dev.photosearch.embed.Language;
import dev.photosearch.embed.QueryText;
import dev.photosearch.embed.TextEncoder;
import dev.photosearch.embed.TextModel;
import dev.photosearch.index.IndexedPhoto;
import dev.photosearch.index.Listing;
import dev.photosearch.index.PhotoFilter;
import dev.photosearch.index.Ranked;
import dev.photosearch.index.StoreReader;
import dev.photosearch.index.StoreView;
import dev.photosearch.index.TextAnalyzers;
import dev.photosearch.index.TextWords;
import dev.photosearch.index.VectorKind;
import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Answers a query in plain words: BM25 over the text fields, nearest neighbours of the query's embedding and, when
 * a CLIP model is given, nearest CLIP image vectors of the query's CLIP text embedding, fused by weighted
 * reciprocal rank, the {@link LikelyMatches likely matches} first. The dates and the place said in the query are
 * read by {@link QueryInterpreter} first. Thread-safe; open one per index and share it.
 */
public final class PhotoSearcher implements Closeable {

    /** Longest query searched; longer text is cut (a description, not a document). */
    public static final int MAX_QUERY_CHARS = 300;
    /** Candidates each signal returns for a first page: deep enough for fusion and for HNSW's recall. */
    public static final int CANDIDATES = 100;
    /** Distinct recent queries whose embeddings are kept (384 floats each: about 1.5 MB in all). */
    private static final int QUERY_VECTORS_KEPT = 1024;
    /** Recent result pages kept (a page of 20 photos is some tens of kilobytes). */
    private static final int PAGES_KEPT = 256;

    private final StoreReader reader;
    private final TextEncoder encoder;
    private final QueryTranslator translator = new QueryTranslator();
    private final QueryVectors queryVectors;
    private final ResultPages pages = new ResultPages(PAGES_KEPT);
    private final ClipQueryEncoder clip;
    private final Fusion fusion;
    private final QueryInterpreter interpreter;

    private PhotoSearcher(StoreReader reader, TextEncoder encoder, ClipQueryEncoder clip, Fusion fusion,
            Clock clock) {
        this.reader = reader;
        this.encoder = encoder;
        this.queryVectors = new QueryVectors(encoder, QUERY_VECTORS_KEPT);
        this.clip = clip;
        this.fusion = fusion;
        // No place names known: a place is read from capitals after a cue.
        this.interpreter = new QueryInterpreter(clock, Set.of());
    }

    /**
     * Searches what {@code reader} reads, and closes it when closed; {@code encoders} gives the encoder for the
     * model the store was built with (so a caller can share one already loaded).
     */
    public static PhotoSearcher open(StoreReader reader, Function<TextModel, TextEncoder> encoders)
            throws IOException {
        return open(reader, encoders, null, Fusion.DEFAULT);
    }

    /** Searches with another way of fusing the signals, for experiments and evaluation. */
    public static PhotoSearcher open(StoreReader reader, Function<TextModel, TextEncoder> encoders, Fusion fusion)
            throws IOException {
        return open(reader, encoders, null, fusion);
    }

    /**
     * Searches with a third signal, "clip": the query's CLIP text embedding against the photos' CLIP image
     * embeddings of the same model ({@code clip} may be null; the caller closes it).
     */
    public static PhotoSearcher open(StoreReader reader, Function<TextModel, TextEncoder> encoders,
            ClipQueryEncoder clip) throws IOException {
        return open(reader, encoders, clip, Fusion.DEFAULT);
    }

    /**
     * Searches with the CLIP signal (when {@code clip} is not null) and the given fusion. Dates said in queries are
     * whole days in the server's default zone.
     */
    public static PhotoSearcher open(StoreReader reader, Function<TextModel, TextEncoder> encoders,
            ClipQueryEncoder clip, Fusion fusion) throws IOException {
        return open(reader, encoders, clip, fusion, Clock.systemDefaultZone());
    }

    /** Searches with dates said in queries read against {@code clock}'s today and zone. */
    static PhotoSearcher open(StoreReader reader, Function<TextModel, TextEncoder> encoders, ClipQueryEncoder clip,
            Fusion fusion, Clock clock) throws IOException {
        try (StoreView view = reader.view()) {
            TextModel model = view.textModel().orElse(TextModel.BGE_SMALL);
            return new PhotoSearcher(reader, encoders.apply(model), clip, fusion, clock);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** Makes the latest commit visible to the searches that start after this returns. */
    public void refresh() throws IOException {
        reader.refresh();
    }

    /** The text model of the query encoder. */
    public TextModel model() {
        return encoder.model();
    }

    /** How many photos the index holds. */
    public int size() throws IOException {
        try (StoreView view = reader.view()) {
            return view.size();
        }
    }

    /** Searches; {@code limit} results from {@code offset}, best first. A blank query is refused. */
    public SearchResults search(String query, int limit, int offset) throws IOException {
        return search(SearchRequest.of(query, limit, offset));
    }

    /**
     * Searches with filters and order; every signal sees only the photos the filters let through. The dates and the
     * place said in the query are read (unless the request leaves them {@link SearchRequest#literal literal}): the
     * dates narrow the request's own, the place's name is searched with the other words.
     */
    public SearchResults search(SearchRequest request) throws IOException {
        long start = System.nanoTime();
        String text = clean(request.query());
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the query is empty");
        }
        SearchRequest key = request.withQuery(text);
        // Read before the look-up: "yesterday" asked again after midnight is another search.
        Interpretation reading = interpreter.interpret(text, request.literal());
        try (StoreView view = reader.view()) {
            SearchResults results = pages.get(view.version(), key, reading);
            if (results == null) {
                results = answer(view, key, reading);
                pages.put(view.version(), key, reading, results);
            }
            return results.took((System.nanoTime() - start) / 1_000_000);
        }
    }

    private SearchResults answer(StoreView view, SearchRequest request, Interpretation reading) throws IOException {
        ReadQuery read = ReadQuery.of(request, reading);
        if (read.none()) {
            return new SearchResults(request.query(), 0, 0, List.of(), 0, reading);
        }
        if (read.words().isEmpty()) {
            return listed(view, request, read, reading);
        }
        Map<String, List<Ranked>> rankings = rankings(view, read, request);
        List<Fused> fused = fuse(rankings, LikelyMatches.in(rankings.getOrDefault("vector", List.of())));
        if (request.sort() == SearchRequest.Sort.DATE) {
            sortByDate(view, fused);
        }
        double best = rankings.keySet().stream().mapToDouble(fusion::weight).sum() / (fusion.k() + 1);
        List<Fused> page = fused.subList(Math.min(request.offset(), fused.size()),
                Math.min(request.offset() + request.limit(), fused.size()));
        Map<String, IndexedPhoto> photos = view.photos(page.stream().map(f -> f.id).toList());
        List<Hit> hits = new ArrayList<>();
        for (Fused f : page) {
            IndexedPhoto photo = photos.get(f.id);
            if (photo != null) {
                hits.add(new Hit(photo, f.score / best, f.ranks, f.likely));
            }
        }
        int matches = (int) fused.stream().filter(f -> f.likely).count();
        return new SearchResults(request.query(), fused.size(), matches, hits, 0, reading);
    }

    /**
     * A query that only says when ("summer 2019") lists that time's photos newest first; each of them matches all
     * that was asked.
     */
    private static SearchResults listed(StoreView view, SearchRequest request, ReadQuery read,
            Interpretation reading) throws IOException {
        Listing listing = view.list(read.filter(), true, request.offset(), request.limit());
        Map<String, IndexedPhoto> photos = view.photos(listing.ids());
        List<Hit> hits = new ArrayList<>();
        for (String id : listing.ids()) {
            IndexedPhoto photo = photos.get(id);
            if (photo != null) {
                hits.add(new Hit(photo, 1, Map.of(), true));
            }
        }
        return new SearchResults(request.query(), listing.total(), listing.total(), hits, 0, reading);
    }

    /** Each signal's ranking of the photos {@code read} lets through, deep enough for fusion. */
    private Map<String, List<Ranked>> rankings(StoreView view, ReadQuery read, SearchRequest request)
            throws IOException {
        int depth = Math.max(CANDIDATES, request.offset() + request.limit());
        PhotoFilter filter = read.filter();
        QueryText query = translator.translate(read.words());
        Map<String, List<Ranked>> rankings = new LinkedHashMap<>();
        if (fusion.weight("text") > 0) {
            rankings.put("text", view.matching(words(query), filter, depth));
        }
        if (fusion.weight("vector") > 0) {
            rankings.put("vector", view.nearest(VectorKind.TEXT, encoder.model().id(),
                    queryVectors.of(query.english()), filter, depth));
        }
        if (clip != null && fusion.weight("clip") > 0) {
            List<Ranked> found = view.nearest(VectorKind.CLIP, clip.modelId(), clip.encode(query), filter, depth);
            // A store without this model's image vectors leaves the other signals' scores as they were.
            if (!found.isEmpty()) {
                rankings.put("clip", found);
            }
        }
        return rankings;
    }

    /**
     * What each language's analysis reads: the English analysis the query's English (its translation when typed
     * in another language), the French analysis the query as typed, so captions in French match their own words.
     * The French reading of an English query leaves out English stop words (see
     * {@link TextAnalyzers#withoutEnglishStopWords}).
     */
    private static TextWords words(QueryText query) {
        String french = query.language() == Language.ENGLISH
                ? TextAnalyzers.withoutEnglishStopWords(query.original()) : query.original();
        return new TextWords(query.english(), french);
    }

    /** The stored photo with this id, if the store has it. */
    public Optional<IndexedPhoto> find(String id) throws IOException {
        try (StoreView view = reader.view()) {
            return Optional.ofNullable(view.photos(List.of(id)).get(id));
        }
    }

    /**
     * The photos whose stored description vectors are nearest to that of the photo {@code id}, itself excluded,
     * best first; each hit's score is the cosine score (1 + cos) / 2 and {@code matched} holds its rank under
     * "similar". Empty when the photo is unknown; an empty list when it has no vector (no description).
     */
    public Optional<List<Hit>> similar(String id, int limit) throws IOException {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        try (StoreView view = reader.view()) {
            if (view.photos(List.of(id)).isEmpty()) {
                return Optional.empty();
            }
            Optional<float[]> vector = view.textVector(id);
            if (vector.isEmpty()) {
                return Optional.of(List.of());
            }
            List<Ranked> near = view.nearest(VectorKind.TEXT, encoder.model().id(), vector.get(), PhotoFilter.NONE,
                    limit + 1).stream().filter(r -> !r.id().equals(id)).limit(limit).toList();
            Map<String, IndexedPhoto> photos = view.photos(near.stream().map(Ranked::id).toList());
            List<Hit> hits = new ArrayList<>();
            for (Ranked r : near) {
                hits.add(new Hit(photos.get(r.id()), r.score(), Map.of("similar", hits.size() + 1), false));
            }
            return Optional.of(hits);
        }
    }

    /** Every indexed source key with how many photos it has, in key order. */
    public Map<String, Integer> sources() throws IOException {
        try (StoreView view = reader.view()) {
            return view.sources();
        }
    }

    /** Likely matches first, each part newest first by taken_at, photos without a date last; ties keep their order. */
    private static void sortByDate(StoreView view, List<Fused> fused) throws IOException {
        Map<String, Long> dates = view.takenAt(fused.stream().map(f -> f.id).toList());
        fused.sort(Comparator.comparing((Fused f) -> !f.likely)
                .thenComparing(f -> dates.getOrDefault(f.id, Long.MIN_VALUE), Comparator.reverseOrder()));
    }

    /** Trims, folds runs of white space and control characters, and caps the length. */
    static String clean(String query) {
        String text = query == null ? "" : query.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        if (text.length() > MAX_QUERY_CHARS) {
            int cut = MAX_QUERY_CHARS;
            if (Character.isHighSurrogate(text.charAt(cut - 1))) {
                cut--;
            }
            text = text.substring(0, cut).strip();
        }
        return text;
    }

    /**
     * Reciprocal rank fusion: each signal adds weight / (k + rank) for every photo it found; the {@code likely} ones
     * first, then by fused score, ties by id.
     */
    private List<Fused> fuse(Map<String, List<Ranked>> rankings, Set<String> likely) {
        Map<String, Fused> byId = new LinkedHashMap<>();
        rankings.forEach((signal, ranked) -> {
            for (int i = 0; i < ranked.size(); i++) {
                Fused f = byId.computeIfAbsent(ranked.get(i).id(), Fused::new);
                f.score += fusion.weight(signal) / (fusion.k() + i + 1);
                f.ranks.put(signal, i + 1);
            }
        });
        List<Fused> fused = new ArrayList<>(byId.values());
        fused.forEach(f -> f.likely = likely.contains(f.id));
        fused.sort(Comparator.comparing((Fused f) -> !f.likely).thenComparingDouble(f -> -f.score)
                .thenComparing(f -> f.id));
        return fused;
    }

    /** A photo's fused score while ranking. */
    private static final class Fused {
        final String id;
        final Map<String, Integer> ranks = new LinkedHashMap<>();
        double score;
        boolean likely;

        Fused(String id) {
            this.id = id;
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
