package org.dlspark.data.text;

import java.io.Serializable;

/**
 * One labelled document.
 *
 * @param id where it came from (its file, or file and record), unique within a corpus
 * @param label its class name
 * @param text its raw text
 */
public record LabelledText(String id, String label, String text) implements Serializable {
}
