package dev.photosearch.source;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds hashtags and mentions in a caption. */
public final class CaptionTags {

    // A '#' glued to a preceding word ("C#", "a#b") or an '&' entity is not a hashtag.
    private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&])#([\\p{L}\\p{M}\\p{N}_]+)");
    // Instagram usernames: letters, digits, '.', '_'; a preceding word char means an e-mail address.
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_.@])@([A-Za-z0-9_.]{1,30})");

    private CaptionTags() {}

    /** Hashtags without '#', lower-cased, distinct, in order of appearance. */
    public static List<String> hashtags(String caption) {
        return find(HASHTAG, caption);
    }

    /** Mentioned accounts without '@', lower-cased, distinct, in order of appearance. */
    public static List<String> mentions(String caption) {
        List<String> found = new ArrayList<>();
        for (String name : find(MENTION, caption)) {
            String trimmed = name.replaceAll("\\.+$", ""); // "thanks @ann." ends a sentence, not the name
            if (!trimmed.isEmpty() && !found.contains(trimmed)) {
                found.add(trimmed);
            }
        }
        return found;
    }

    /** {@code first} followed by the items of {@code more} it lacks, lower-cased. */
    public static List<String> merge(List<String> first, List<String> more) {
        Set<String> all = new LinkedHashSet<>();
        first.forEach(t -> all.add(t.toLowerCase(Locale.ROOT)));
        more.forEach(t -> all.add(t.toLowerCase(Locale.ROOT)));
        return List.copyOf(all);
    }

    private static List<String> find(Pattern pattern, String caption) {
        Set<String> found = new LinkedHashSet<>();
        if (caption != null) {
            Matcher m = pattern.matcher(caption);
            while (m.find()) {
                found.add(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return new ArrayList<>(found);
    }
}
