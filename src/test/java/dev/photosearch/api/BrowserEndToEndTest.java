package dev.photosearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built page in headless Debian Chromium, driven by web/e2e/e2e.mjs (playwright-core): index the example
 * from the sources page, search, open a photo; screenshots go to target/e2e/. Skipped, saying why, when Chromium,
 * Node or the built page is missing.
 */
class BrowserEndToEndTest {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    static final Path SCRIPT = Path.of("web/e2e/e2e.mjs");
    static final Path SCREENSHOTS = Path.of("target/e2e");

    @TempDir
    Path home;

    @Test
    void searchAndOpenAPhotoInARealBrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM
                + " (apt-get install chromium): browser test skipped");
        assumeTrue(ApiServer.class.getResource("/web/index.html") != null,
                "the web page was not built (-Dskip.web): browser test skipped");
        assumeTrue(Files.isDirectory(Path.of("web/node_modules/playwright-core")),
                "web/node_modules is missing (npm ci): browser test skipped");

        try (TestServer server = TestServer.empty(home, ServerOptions.local(0))) {
            HttpResponseCheck.pageIsServed(server);
            Process node = new ProcessBuilder("node", SCRIPT.toString(), server.base(),
                    TestServer.EXAMPLE.toString(), SCREENSHOTS.toAbsolutePath().toString())
                    .redirectErrorStream(true).start();
            String output;
            boolean finished = node.waitFor(180, TimeUnit.SECONDS);
            if (!finished) {
                node.destroyForcibly();
            }
            output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            System.out.println(output);
            assertTrue(finished, "the browser run took over 3 minutes:\n" + output);
            assertEquals(0, node.exitValue(), output);
            assertTrue(output.contains("e2e: passed"), output);
            assertTrue(Files.size(SCREENSHOTS.resolve("detail.png")) > 10_000);
        }
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
        }
    }
}
