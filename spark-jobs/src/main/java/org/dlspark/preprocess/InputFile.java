package org.dlspark.preprocess;

/**
 * One input file of {@code preprocess}.
 *
 * @param id the file's id in the data set: {@code class/name} in a folder of class folders
 * @param label the class its folder gives; null for JSONL and CSV files, whose records carry it
 * @param uri where it is (a Hadoop path)
 */
record InputFile(String id, String label, String uri) implements java.io.Serializable {
}
