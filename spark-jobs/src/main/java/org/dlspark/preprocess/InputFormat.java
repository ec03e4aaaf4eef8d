package org.dlspark.preprocess;

import java.util.Arrays;
import java.util.Locale;
import org.dlspark.train.InvalidSettingException;

/** The input formats {@code preprocess} reads. */
public enum InputFormat {
    /** A folder with MNIST-style IDX files: train-/t10k- images and labels, gzipped or not. */
    IDX,
    /** An email corpus in the SpamAssassin layout: class folders (spam, ham) of one email per file. */
    EMAILS,
    /** Labelled texts: a folder of class folders (one text per file), or a CSV or JSONL file of text and label. */
    TEXTS,
    /** Labelled images: a folder of class folders of PNG, JPEG, GIF or BMP files of any size. */
    IMAGES;

    /** The format named {@code name} on the command line. */
    public static InputFormat of(String name) {
        for (InputFormat format : values()) {
            if (format.option().equals(name)) {
                return format;
            }
        }
        throw new InvalidSettingException("--format", "unknown format '" + name + "'; known: "
                + String.join(", ", Arrays.stream(values()).map(InputFormat::option).toList()));
    }

    /** The name on the command line. */
    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether examples are token sequences (else images). */
    public boolean isText() {
        return this == EMAILS || this == TEXTS;
    }

    /** Whether a test split is drawn from the examples (idx has test files of its own). */
    public boolean splitsTests() {
        return this != IDX;
    }
}
