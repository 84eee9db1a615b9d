package dev.photosearch.source;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A profile as given on the command line: {@code instagram:USERNAME} or {@code instagram:id:NUMBER}.
 *
 * @param username lower-cased; null when only the id was given
 * @param id       the numeric id; null when it is to be looked up
 */
record InstagramAccount(String username, String id) {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._]{1,30}");
    private static final Pattern ID = Pattern.compile("\\d{1,25}");

    /** Reads what follows {@code instagram:}; a clear error for anything else. */
    static InstagramAccount parse(String text) throws SourceException {
        String value = text.strip().replaceFirst("^@", "");
        if (value.toLowerCase(Locale.ROOT).startsWith("id:")) {
            String id = value.substring(3).strip();
            if (!ID.matcher(id).matches()) {
                throw new SourceException("\"" + value + "\" is not an Instagram id: expected id:DIGITS");
            }
            return new InstagramAccount(null, id);
        }
        if (!USERNAME.matcher(value).matches()) {
            throw new SourceException("\"" + value + "\" is not an Instagram username (letters, digits, '.' and"
                    + " '_', at most 30)");
        }
        return new InstagramAccount(value.toLowerCase(Locale.ROOT), null);
    }

    /** The folder name of its store, and what follows {@code instagram:} in its source key. */
    String name() {
        return username != null ? username : "id:" + id;
    }

    /** The web page the requests are made from. */
    String profilePath() {
        return username != null ? "/" + username + "/" : "/";
    }

    @Override
    public String toString() {
        return "instagram:" + name();
    }
}
