package dev.photosearch.testing;

import dev.photosearch.vision.Analyser;
import dev.photosearch.vision.Analysis;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the photos it looks at, to show which indexing runs analyse again; its version is chosen by the test. */
public final class CountingAnalyser implements Analyser {

    public final AtomicInteger calls = new AtomicInteger();
    private final String name;
    private final int version;

    public CountingAnalyser(int version) {
        this("counting", version);
    }

    public CountingAnalyser(String name, int version) {
        this.name = name;
        this.version = version;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int version() {
        return version;
    }

    @Override
    public Analysis analyse(BufferedImage image) {
        calls.incrementAndGet();
        return new Analysis(name(), version, "looked at " + calls.get(), List.of(), Map.of());
    }
}
