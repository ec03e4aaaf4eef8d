package org.dlspark.data;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST: a big-endian int32 magic number (2051 for images, 2049
 * for labels), int32 dimensions, then unsigned bytes. Gzip or raw. Every defect is reported with the file's name.
 */
public final class IdxReader {

    /** Magic number of an IDX file of unsigned-byte images (3 dimensions). */
    public static final int IMAGES_MAGIC = 2051;
    /** Magic number of an IDX file of unsigned-byte labels (1 dimension). */
    public static final int LABELS_MAGIC = 2049;

    private static final int MAX_SIDE = 4096;

    private IdxReader() {
    }

    /** Reads an images file ({@code idx3-ubyte}). */
    public static IdxImages readImages(String uri) {
        try (InputStream raw = DataFiles.open(uri); DataInputStream in = new DataInputStream(raw)) {
            readMagic(in, uri, IMAGES_MAGIC, "images");
            int count = readDimension(in, uri, "image count", Integer.MAX_VALUE);
            int rows = readDimension(in, uri, "rows", MAX_SIDE);
            int cols = readDimension(in, uri, "columns", MAX_SIDE);
            long size = (long) count * rows * cols;
            if (size > Integer.MAX_VALUE - 8) {
                throw new DataFormatException(uri + ": " + count + " images of " + rows + "x" + cols
                        + " are too many for one file; split it");
            }
            byte[] pixels = readBody(in, uri, (int) size);
            return new IdxImages(count, rows, cols, pixels);
        } catch (IOException e) {
            throw unreadable(uri, e);
        }
    }

    /** The side lengths of the images of an images file, {@code {rows, columns}}, read from its header alone. */
    public static int[] readImageSides(String uri) {
        try (InputStream raw = DataFiles.open(uri); DataInputStream in = new DataInputStream(raw)) {
            readMagic(in, uri, IMAGES_MAGIC, "images");
            readDimension(in, uri, "image count", Integer.MAX_VALUE);
            return new int[] {readDimension(in, uri, "rows", MAX_SIDE), readDimension(in, uri, "columns", MAX_SIDE)};
        } catch (IOException e) {
            throw unreadable(uri, e);
        }
    }

    /** Reads a labels file ({@code idx1-ubyte}). */
    public static byte[] readLabels(String uri) {
        try (InputStream raw = DataFiles.open(uri); DataInputStream in = new DataInputStream(raw)) {
            readMagic(in, uri, LABELS_MAGIC, "labels");
            int count = readDimension(in, uri, "label count", Integer.MAX_VALUE - 8);
            return readBody(in, uri, count);
        } catch (IOException e) {
            throw unreadable(uri, e);
        }
    }

    private static void readMagic(DataInputStream in, String uri, int expected, String kind) throws IOException {
        int magic = in.readInt();
        if (magic != expected) {
            throw new DataFormatException(uri + ": wrong magic number " + magic + "; an IDX " + kind
                    + " file starts with " + expected);
        }
    }

    private static int readDimension(DataInputStream in, String uri, String what, int max) throws IOException {
        int value = in.readInt();
        if (value <= 0 || value > max) {
            throw new DataFormatException(uri + ": invalid " + what + " " + value + " in the IDX header");
        }
        return value;
    }

    private static byte[] readBody(DataInputStream in, String uri, int size) throws IOException {
        byte[] body = new byte[size];
        int read = in.readNBytes(body, 0, size);
        if (read < size) {
            throw new DataFormatException(uri + ": truncated: the header promises " + size + " bytes of data, the file has "
                    + read);
        }
        if (in.read() != -1) {
            throw new DataFormatException(uri + ": has data past the " + size + " bytes its header promises");
        }
        return body;
    }

    private static DataFormatException unreadable(String uri, IOException e) {
        if (e instanceof EOFException) {
            return new DataFormatException(uri + ": truncated (unexpected end of file)", e);
        }
        return new DataFormatException(uri + ": corrupt or unreadable: " + e.getMessage(), e);
    }
}
