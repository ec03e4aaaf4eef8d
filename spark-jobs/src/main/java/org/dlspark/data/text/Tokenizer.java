package org.dlspark.data.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits cleaned text into tokens: runs of letters (with inner apostrophes), runs of digits, and the symbols
 * {@code $ ! %} that signal spam, each on its own. Everything else separates tokens.
 */
public final class Tokenizer {

    private static final Pattern TOKEN = Pattern.compile("\\p{L}+(?:'\\p{L}+)*|\\p{N}+|[$!%]");

    private Tokenizer() {
    }

    /** The tokens of {@code text}, in order. */
    public static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }
}
