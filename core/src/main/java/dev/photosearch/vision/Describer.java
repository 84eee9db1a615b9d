package dev.photosearch.vision;

import dev.photosearch.media.Exif;
import dev.photosearch.media.Media;
import dev.photosearch.source.Photo;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Writes a photo's description from its own text, its file facts and what the analysers saw. */
public final class Describer {

    /** Bumped whenever descriptions of the same photo would read differently; stored photos are then redone. */
    public static final int VERSION = 6;

    private static final Pattern PATH_SPLIT = Pattern.compile("[^\\p{L}]+");
    // Camera and export boilerplate that names no subject.
    private static final Set<String> PATH_NOISE = Set.of("img", "dsc", "dscn", "dscf", "pxl", "jpg", "jpeg", "png",
            "gif", "bmp", "webp", "heic", "media", "posts", "stories", "profile", "photo", "photos", "image", "images",
            "picture", "pictures", "screenshot", "whatsapp", "edited", "copy", "utc", "mp", "mvimg", "burst");

    // The parts of the day and the hour each starts at; the last lasts past midnight.
    private static final List<String> PARTS_OF_DAY = List.of("morning", "afternoon", "evening", "night");
    private static final int[] PART_STARTS = {5, 12, 17, 21};
    private static final String ABOVE = "above";
    private static final String BELOW = "below";
    private static final String VIDEO = "a video";
    private static final String TAKEN = "taken";
    private static final String WITH = "with";
    private static final String AT = "at";
    private static final String ON = "on";
    private static final String IN_THE = "in the";

    private final SceneRules scenes = SceneRules.load();
    private final Map<String, ObjectClass> classes = ObjectClass.coco().stream()
            .collect(Collectors.toMap(ObjectClass::label, c -> c));
    private final ObjectWords words = new ObjectWords(classes);

    /** Describes one photo; {@code media} may be a failure and {@code analyses} empty. */
    public Description describe(Photo photo, Media media, List<Analysis> analyses) {
        List<String> shows = new ArrayList<>();
        addSentence(shows, photo.altText());
        addSentence(shows, photo.caption());
        // A file name often names its subject ("eiffel_tower.jpg"); folder names are albums or dataset layouts
        // ("Holidays", "train2017"), searchable as words but kept out of what the photo shows.
        String nameWords = pathWords(photo.path().substring(photo.path().lastIndexOf('/') + 1));
        if (!nameWords.isEmpty()) {
            addSentence(shows, nameWords);
        }
        List<String> hints = new ArrayList<>();
        String seen = String.join("; ", seen(analyses, hints));
        if (!seen.isEmpty()) {
            addSentence(shows, capitalised(seen));
        }
        if (!photo.place().isEmpty()) {
            addSentence(shows, capitalised(AT + " " + photo.place()));
        }

        List<String> context = new ArrayList<>();
        if (photo.video()) {
            context.add(VIDEO);
        }
        Exif exif = media.facts() == null ? Exif.NONE : media.facts().exif();
        String when = when(exif.takenAt() != null ? exif.takenAt()
                : photo.takenAt() == null ? null : LocalDateTime.ofInstant(photo.takenAt(), ZoneOffset.UTC),
                exif.takenAt() != null);
        if (!when.isEmpty()) {
            context.add(TAKEN + " " + when);
        }
        if (exif.camera() != null) {
            context.add(WITH + " " + exif.camera());
        }
        String contextSentence = String.join(" ", context);
        if (!contextSentence.isEmpty()) {
            contextSentence = capitalised(contextSentence) + ".";
        }
        String hinted = hints.isEmpty() ? "" : capitalised(String.join("; ", hints)) + ".";
        return new Description(String.join(" ", shows), contextSentence, hinted);
    }

    /**
     * What the analysers saw, as the parts of one sentence, in the order people describe a photo: how things stand
     * ("a person riding a horse"), the scene ("in a park"), the objects, largest first, then the uncertain ones,
     * then the other analysers' phrases (colours, text). Objects the detector is unsure of go to {@code hints}.
     */
    private List<String> seen(List<Analysis> analyses, List<String> hints) {
        List<String> lead = new ArrayList<>();
        List<String> objects = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (Analysis analysis : analyses) {
            if (analysis.analyser().equals("objects")) {
                lead.addAll(Relations.of(analysis.regions(), classes));
                String closeUp = Relations.closeUp(analysis.regions(), classes);
                if (!closeUp.isEmpty()) {
                    objects.add(closeUp);
                }
                String counted = words.counted(analysis.regions());
                if (!counted.isEmpty()) {
                    objects.add(counted);
                }
                String perhaps = words.perhaps(analysis);
                if (!perhaps.isEmpty()) {
                    hints.add(perhaps);
                }
            } else if (!analysis.phrase().isBlank()) {
                rest.add(analysis.phrase());
            }
        }
        List<String> parts = new ArrayList<>(lead);
        parts.addAll(scenes.infer(SceneRules.Seen.of(analyses)));
        parts.addAll(objects);
        if (parts.isEmpty()) {
            // Nothing recognised: the layout of the colours tells such pictures apart ("blue above, green below").
            analyses.stream().filter(a -> a.analyser().equals("colours")).findFirst()
                    .map(Describer::layout).filter(l -> !l.isEmpty()).ifPresent(parts::add);
        }
        parts.addAll(rest);
        return parts;
    }

    /** "blue above and green below" from the colour analysis, or nothing when both thirds share a colour. */
    private static String layout(Analysis colours) {
        String top = colours.facts().get("top");
        String bottom = colours.facts().get("bottom");
        return top == null || bottom == null || top.equals(bottom) ? "" : ObjectSummary.englishList(List.of(top + " " + ABOVE, bottom + " " + BELOW));
    }

    /** Words of a file's folders and name that can name a subject: "trips/Paris 2019/eiffel_tower.jpg". */
    public static String pathWords(String path) {
        List<String> words = new ArrayList<>();
        for (String word : PATH_SPLIT.split(path)) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (lower.length() >= 3 && !PATH_NOISE.contains(lower) && !words.contains(lower)) {
                words.add(lower);
            }
        }
        return String.join(" ", words);
    }

    private static String when(LocalDateTime time, boolean localClock) {
        if (time == null) {
            return "";
        }
        String month = time.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        String date = ON + " " + time.getDayOfMonth() + " " + month + " " + time.getYear();
        // Only a camera clock tells the local hour; export timestamps are UTC.
        return localClock ? IN_THE + " " + partOfDay(time.getHour()) + " " + date : date;
    }

    private static String partOfDay(int hour) {
        for (int i = PART_STARTS.length - 1; i >= 0; i--) {
            if (hour >= PART_STARTS[i]) {
                return PARTS_OF_DAY.get(i);
            }
        }
        return PARTS_OF_DAY.get(PARTS_OF_DAY.size() - 1);
    }

    /**
     * Every word a description can hold beyond the photo's own text (caption, alt text, file name, place, camera,
     * text read in the picture, the captioner's sentence) and numbers of days and years: the closed vocabulary
     * that queries in other languages are translated into. Lower case.
     */
    public static SortedSet<String> vocabulary() {
        List<String> phrases = new ArrayList<>(List.of(ABOVE, BELOW, VIDEO, TAKEN, WITH, AT, ON, IN_THE,
                ObjectWords.PERHAPS, TextReader.READS));
        phrases.addAll(PARTS_OF_DAY);
        for (Month month : Month.values()) {
            phrases.add(month.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        }
        for (ObjectClass kind : ObjectClass.coco()) {
            phrases.addAll(List.of(kind.label(), kind.one(), kind.several()));
        }
        SceneRules.load().rules().forEach(rule -> phrases.add(rule.phrase()));
        phrases.addAll(Relations.words());
        phrases.addAll(ObjectSummary.words());
        phrases.addAll(ColourAnalyser.words());
        SortedSet<String> words = new TreeSet<>();
        for (String phrase : phrases) {
            for (String word : PATH_SPLIT.split(phrase.toLowerCase(Locale.ROOT))) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        return words;
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static void addSentence(List<String> sentences, String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return;
        }
        char last = trimmed.charAt(trimmed.length() - 1);
        sentences.add(".!?…".indexOf(last) >= 0 ? trimmed : trimmed + ".");
    }
}
