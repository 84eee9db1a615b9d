package dev.photosearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built page in headless Debian Chromium, driven by web/e2e/e2e.mjs (playwright-core): index the example
 * from the sources page, browse it by month with an empty box, search, open a photo; screenshots go to target/e2e/.
 * Skipped, saying why, when Chromium, Node or the built page is missing.
 */
class BrowserEndToEndTest {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    static final Path SCRIPT = Path.of("web/e2e/e2e.mjs");
    static final Path SCREENSHOTS = Path.of("target/e2e");

    @TempDir
    Path home;

    @Test
    void searchAndOpenAPhotoInARealBrowser() throws Exception {
        assumeBrowser();
        try (TestServer server = TestServer.empty(home, ServerOptions.local(0))) {
            HttpResponseCheck.pageIsServed(server);
            runScript(server, SCREENSHOTS);
            assertTrue(Files.size(SCREENSHOTS.resolve("browse.png")) > 10_000);
            assertTrue(Files.size(SCREENSHOTS.resolve("detail.png")) > 10_000);
        }
    }

    /** Add is refused with 401 until the page has asked for the token once; then it indexes and searches. */
    @Test
    void withATokenThePageAsksForItOnceAndAddsASource() throws Exception {
        assumeBrowser();
        try (TestServer server = TestServer.empty(home, ServerOptions.local(0).withToken("e2e-token"))) {
            HttpResponseCheck.pageIsServed(server);
            Path out = SCREENSHOTS.resolve("token");
            runScript(server, out, "e2e-token");
            assertTrue(Files.size(out.resolve("results.png")) > 10_000);
        }
    }

    static void assumeBrowser() {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM
                + " (apt-get install chromium): browser test skipped");
        assumeTrue(ApiServer.class.getResource("/web/index.html") != null,
                "the web page was not built (-Dskip.web): browser test skipped");
        assumeTrue(Files.isDirectory(Path.of("web/node_modules/playwright-core")),
                "web/node_modules is missing (npm ci): browser test skipped");
    }

    static void runScript(TestServer server, Path out, String... token) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", SCRIPT.toString(), server.base(),
                TestServer.EXAMPLE.toString(), out.toAbsolutePath().toString()));
        command.addAll(List.of(token));
        Process node = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean finished = node.waitFor(180, TimeUnit.SECONDS);
        if (!finished) {
            node.destroyForcibly();
        }
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.println(output);
        assertTrue(finished, "the browser run took over 3 minutes:\n" + output);
        assertEquals(0, node.exitValue(), output);
        assertTrue(output.contains("e2e: passed"), output);
    }

    /** The page and its SPA fallback, checked over plain HTTP before the browser starts. */
    static final class HttpResponseCheck {
        static void pageIsServed(TestServer server) throws IOException, InterruptedException {
            for (String path : new String[] {"/", "/sources", "/some/deep/link"}) {
                var response = server.get(path);
                assertEquals(200, response.statusCode(), path);
                assertTrue(response.body().contains("<div id=\"root\">"), path);
            }
            assertEquals(404, server.get("/api/no-such-route").statusCode());
            String page = server.get("/").body();
            Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(page);
            assertTrue(script.find(), page);
            int port = server.server.port();
            assertEquals(200, RawHttp.exchange(port, "GET", script.group(1), "", "").status());
            for (String path : new String[] {"/", "/sources", script.group(1)}) {
                RawHttp.Answer rebound = RawHttp.exchange(port, "GET", path, "Host: rebind.attacker.example:" + port
                        + "\r\n", "");
                assertEquals(421, rebound.status(), path + ": the page's files are not served to a rebound name");
            }
        }
    }
}
