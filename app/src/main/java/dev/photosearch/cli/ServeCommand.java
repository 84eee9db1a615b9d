package dev.photosearch.cli;

import dev.photosearch.api.ApiServer;
import dev.photosearch.api.Library;
import dev.photosearch.api.ServerOptions;
import dev.photosearch.embed.ClipQueryEncoder;
import dev.photosearch.embed.TextEncoder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code photosearch serve}: the web page and the HTTP API, until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the search page and the HTTP API (see /api/openapi.json) until Ctrl-C.")
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "7070", description = "TCP port (default 7070).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = ServerOptions.LOOPBACK,
            description = "Address to listen on (default 127.0.0.1: this machine only).")
    String host;

    @Option(names = "--token", paramLabel = "T",
            description = "Require 'Authorization: Bearer T' for writes and for API calls from other machines.")
    String token;

    @Option(names = "--cors", paramLabel = "ORIGIN",
            description = "Let pages from ORIGIN (e.g. http://localhost:5173) call the API.")
    String cors;

    @Option(names = "--public-host", paramLabel = "NAME", arity = "1..*",
            description = "Host names (or addresses) the server is reached by from other machines, beside"
                    + " 127.0.0.1, localhost and [::1]; any other Host header is refused (421).")
    List<String> publicHosts = List.of();

    @Option(names = "--allow-root", paramLabel = "DIR", arity = "1..*",
            description = "Folders under which sources may be added from the page or the API; required to add any"
                    + " when --host is not loopback.")
    List<Path> allowRoots = List.of();

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Home home = main.home();
        ServerOptions options = ServerOptions.of(host, port).withToken(token).withCors(cors)
                .withPublicHosts(publicHosts).withAllowRoots(allowRoots);
        if (!options.loopbackOnly() && token == null) {
            spec.commandLine().getErr().println("photosearch: warning: listening on " + host
                    + " without --token: anyone who can reach this address can search your photos");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        PrintWriter err = spec.commandLine().getErr();
        // Sources added from the browser are indexed, and queries searched, exactly as 'index' and 'search' do.
        InstalledModels models = InstalledModels.forIndexing(main.models(), err);
        ClipQueryEncoder clip = InstalledModels.queryEncoder(main.models(), err).orElse(null);
        ApiServer server = new ApiServer(Library.open(home.dir(), main.store(), home.thumbnails(), TextEncoder::load,
                models.analysers(), models.images(), clip), options);
        Thread hook = new Thread(() -> {
            try (models; clip) {
                server.close();
            } catch (IOException | InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                stopped.countDown();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        int bound = server.start();
        out.printf("PhotoSearch: open http://%s:%d/ (Ctrl-C stops)%n", host.contains(":") ? "[" + host + "]" : host,
                bound);
        out.flush();
        stopped.await();
        return 0;
    }
}
