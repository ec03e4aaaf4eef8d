package org.dlspark.data.text;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Cleans an email for tokenisation: keeps the subject and the body, drops every other header, removes HTML tags,
 * HTML entities and URLs' punctuation noise, and lower-cases. Plain (non-email) text passes through the same HTML
 * and case cleaning.
 */
public final class TextCleaner {

    private static final Pattern HEADER_BODY_SPLIT = Pattern.compile("\\r?\\n\\r?\\n");
    private static final Pattern SUBJECT = Pattern.compile("(?im)^subject:(.*)$");
    private static final Pattern HEADER_LINE = Pattern.compile("^[!-9;-~]+:.*");
    private static final Pattern STYLE_OR_SCRIPT = Pattern.compile("(?is)<(style|script)[^>]*>.*?</\\1>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&#?[a-zA-Z0-9]+;");

    private TextCleaner() {
    }

    /** The subject and body of an email (headers dropped), without HTML, lower-cased. */
    public static String cleanEmail(String email) {
        String[] parts = HEADER_BODY_SPLIT.split(email, 2);
        boolean hasHeaders = parts.length == 2 && HEADER_LINE.matcher(firstLine(parts[0])).matches();
        if (!hasHeaders) {
            return cleanText(email);
        }
        var subject = SUBJECT.matcher(parts[0]);
        String subjectText = subject.find() ? subject.group(1).trim() : "";
        return cleanText(subjectText + "\n" + parts[1]);
    }

    /** {@code text} without HTML tags and entities, lower-cased. */
    public static String cleanText(String text) {
        String noMarkup = TAG.matcher(STYLE_OR_SCRIPT.matcher(text).replaceAll(" ")).replaceAll(" ");
        return ENTITY.matcher(noMarkup).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        // mbox files start with an envelope line, "From sender date", before the headers.
        return line.startsWith("From ") ? "From:" : line;
    }
}
