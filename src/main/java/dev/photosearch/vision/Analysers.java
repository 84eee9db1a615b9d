package dev.photosearch.vision;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The analysers that can run on this machine, in the order their phrases read best in a description. */
public final class Analysers {

    private Analysers() {}

    /** Every analyser available here; {@code notices} hears, once each, about those that are not. */
    public static List<Analyser> available(Consumer<String> notices) {
        List<Analyser> analysers = new ArrayList<>();
        analysers.add(new ColourAnalyser());
        TextReader.find().ifPresentOrElse(analysers::add, () -> notices.accept(
                "tesseract is not installed: text in images will not be read (install tesseract-ocr)"));
        analysers.add(new SignatureAnalyser());
        return analysers;
    }
}
