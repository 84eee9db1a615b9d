package dev.photosearch.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.photosearch.index.IndexedPhoto;
import dev.photosearch.index.PhotoFilter;
import dev.photosearch.index.PhotoStore;
import dev.photosearch.index.StoreReader;
import dev.photosearch.search.Days;
import dev.photosearch.search.ListRequest;
import dev.photosearch.search.PhotoBrowser;
import dev.photosearch.search.PhotoList;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code photosearch list}: the indexed photos in date order, without a query, as the web page browses them. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the indexed photos by date, newest first, without a query.",
            "Dates are whole days in UTC, as the web page and the API read them; photos without a date come last."})
final class ListCommand implements Callable<Integer> {

    /** Photos read from the store at a time, so that a long listing is printed in bounded memory. */
    static final int CHUNK = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--source", paramLabel = "SOURCE", description = "Only photos of this source, as `sources` "
            + "names it (folder:PATH, instagram-export:PATH...).")
    String source;

    @Option(names = "--from", paramLabel = "DATE", converter = DayConverter.class,
            description = "Only photos taken on or after this day, such as 2023-05-31.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", converter = DayConverter.class,
            description = "Only photos taken on or before this day (the whole day).")
    LocalDate to;

    @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "-date", converter = OrderConverter.class,
            description = "-date: newest first (the default); date: oldest first.")
    ListRequest.Order order;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many photos (default 20).")
    int limit;

    @Option(names = "--offset", paramLabel = "N", defaultValue = "0", description = "Photos to skip (default 0).")
    int offset;

    @Option(names = "--json", description = "Print {\"total\": N, \"photos\": [...]} for programs.")
    boolean json;

    /** Takes one listed photo; printing may fail. */
    interface PhotoSink {
        void accept(IndexedPhoto photo) throws IOException;
    }

    @Override
    public Integer call() throws IOException {
        if (limit < 1 || offset < 0) {
            throw new ParameterException(spec.commandLine(), "--limit must be at least 1 and --offset at least 0");
        }
        ListRequest request = request();
        PrintWriter out = spec.commandLine().getOut();
        try (PhotoStore store = main.store(); StoreReader reader = store.reader()) {
            PhotoBrowser browser = new PhotoBrowser(reader);
            PhotoList first = browser.list(request);
            if (json) {
                printJson(browser, request, first, out);
            } else {
                printForPeople(browser, request, first, out);
            }
        }
        out.flush();
        return 0;
    }

    /** The first chunk asked for; bad options are wrong usage. */
    private ListRequest request() {
        PhotoFilter filter = new PhotoFilter(source == null || source.isBlank() ? null : source,
                from == null ? null : Days.start(from), to == null ? null : Days.end(to));
        try {
            return new ListRequest(filter, order, offset, Math.min(limit, CHUNK));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * Hands {@code first}, the page {@code request} read, and the pages after it to {@code sink}, up to {@code limit}
     * photos in all, each page as long as the request's; returns how many photos there were.
     */
    static int each(PhotoBrowser browser, ListRequest request, PhotoList first, int limit, PhotoSink sink)
            throws IOException {
        int shown = 0;
        for (PhotoList page = first; ; ) {
            for (IndexedPhoto photo : page.photos()) {
                sink.accept(photo);
            }
            shown += page.photos().size();
            if (page.photos().isEmpty() || shown >= limit || request.offset() + shown >= first.total()) {
                return shown;
            }
            page = browser.list(new ListRequest(request.filter(), request.order(), request.offset() + shown,
                    Math.min(limit - shown, request.limit())));
        }
    }

    private void printForPeople(PhotoBrowser browser, ListRequest request, PhotoList first, PrintWriter out)
            throws IOException {
        int shown = each(browser, request, first, limit,
                photo -> out.printf("%-10s  %s%n", day(photo), photo.photo().path()));
        if (first.total() == 0) {
            out.println("No photo matches these filters.");
        } else if (shown == 0) {
            out.printf("No photo after the first %d: there are %d.%n", offset, first.total());
        } else {
            out.printf("Photos %d to %d of %d.%n", offset + 1, offset + shown, first.total());
        }
    }

    private void printJson(PhotoBrowser browser, ListRequest request, PhotoList first, PrintWriter out)
            throws IOException {
        try (JsonGenerator generator = JSON.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            generator.writeStartObject();
            generator.writeNumberField("total", first.total());
            generator.writeArrayFieldStart("photos");
            each(browser, request, first, limit, photo -> generator.writeTree(ResultJson.photo(photo)));
            generator.writeEndArray();
            generator.writeEndObject();
        }
        out.println();
    }

    /** The day the photo was taken, in UTC as the filters read days; "undated" when it has no date. */
    private static String day(IndexedPhoto photo) {
        return photo.photo().takenAt() == null ? "undated"
                : LocalDate.ofInstant(photo.photo().takenAt(), ZoneOffset.UTC).toString();
    }

    /** Reads {@code 2023-05-31}. */
    static final class DayConverter implements CommandLine.ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a date like 2023-05-31");
            }
        }
    }

    /** Reads {@code -date} or {@code date}. */
    static final class OrderConverter implements CommandLine.ITypeConverter<ListRequest.Order> {
        @Override
        public ListRequest.Order convert(String value) {
            try {
                return ListRequest.Order.of(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not -date (newest first) or date "
                        + "(oldest first)");
            }
        }
    }
}
