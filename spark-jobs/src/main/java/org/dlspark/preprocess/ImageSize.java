package org.dlspark.preprocess;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dlspark.train.InvalidSettingException;

/**
 * The size every image of a folder is resized to, written {@code WIDTHxHEIGHT} on the command line.
 *
 * @param width pixels across
 * @param height pixels down
 */
public record ImageSize(int width, int height) {

    /** The zoo's image classifiers' default input: 28x28. */
    public static final ImageSize DEFAULT = new ImageSize(28, 28);

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,5})x(\\d{1,5})");

    /** Validates both sides. */
    public ImageSize {
        InvalidSettingException.atLeast("--size", width, 1);
        InvalidSettingException.atLeast("--size", height, 1);
    }

    /**
     * The size {@code value} states, as {@code option} gives it.
     *
     * @throws InvalidSettingException naming {@code option} when it is not {@code WIDTHxHEIGHT}
     */
    public static ImageSize parse(String option, String value) {
        Matcher size = FORMAT.matcher(value.strip());
        if (!size.matches()) {
            throw new InvalidSettingException(option, "'" + value + "' is not WIDTHxHEIGHT, e.g. 32x32");
        }
        return new ImageSize(Integer.parseInt(size.group(1)), Integer.parseInt(size.group(2)));
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
