package org.dlspark.ml;

import org.apache.spark.sql.Row;

/**
 * One value of Spark's {@code image} data source column ({@code spark.read().format("image")}): a struct of
 * origin, height, width, channels, OpenCV mode and bytes, row by row, each pixel's channels in BGR(A) order.
 * {@link #sample} reads it at another size (bilinear) and in the channels a model takes (grey from colour by luma,
 * colour from grey by copying), so that any image feeds a network of fixed input.
 *
 * @param height rows of pixels
 * @param width pixels per row
 * @param channels channels per pixel: 1 (grey), 3 (BGR) or 4 (BGRA)
 * @param data the pixels, unsigned bytes
 */
record SparkImage(int height, int width, int channels, byte[] data) {

    /** The image of a value of the image data source's struct. */
    static SparkImage of(Row struct) {
        SparkImage image = new SparkImage(struct.getInt(struct.fieldIndex("height")),
                struct.getInt(struct.fieldIndex("width")), struct.getInt(struct.fieldIndex("nChannels")),
                (byte[]) struct.get(struct.fieldIndex("data")));
        if (image.height < 1 || image.width < 1 || image.data.length != image.height * image.width * image.channels
                || !(image.channels == 1 || image.channels == 3 || image.channels == 4)) {
            throw new IllegalArgumentException("an image of " + image.height + "x" + image.width + "x"
                    + image.channels + " with " + image.data.length + " bytes, which the image data source does not "
                    + "write (is it an invalid image read with dropInvalid false?)");
        }
        return image;
    }

    /**
     * The value (0 to 255) at pixel ({@code y}, {@code x}) of this image scaled to {@code toHeight} x
     * {@code toWidth}, in channel {@code channel} of {@code toChannels} (1: grey; 3: red, green, blue).
     */
    double sample(int y, int x, int toHeight, int toWidth, int channel, int toChannels) {
        double sy = Math.max(0, Math.min(height - 1, (y + 0.5) * height / toHeight - 0.5));
        double sx = Math.max(0, Math.min(width - 1, (x + 0.5) * width / toWidth - 0.5));
        int y0 = (int) sy;
        int x0 = (int) sx;
        int y1 = Math.min(height - 1, y0 + 1);
        int x1 = Math.min(width - 1, x0 + 1);
        double fy = sy - y0;
        double fx = sx - x0;
        double top = value(y0, x0, channel, toChannels) * (1 - fx) + value(y0, x1, channel, toChannels) * fx;
        double bottom = value(y1, x0, channel, toChannels) * (1 - fx) + value(y1, x1, channel, toChannels) * fx;
        return top * (1 - fy) + bottom * fy;
    }

    /** The value of one pixel in channel {@code channel} of {@code toChannels}. */
    private double value(int y, int x, int channel, int toChannels) {
        int base = (y * width + x) * channels;
        if (channels == 1) {
            return Byte.toUnsignedInt(data[base]);
        }
        double blue = Byte.toUnsignedInt(data[base]);
        double green = Byte.toUnsignedInt(data[base + 1]);
        double red = Byte.toUnsignedInt(data[base + 2]);
        if (toChannels == 1) {
            return 0.299 * red + 0.587 * green + 0.114 * blue;
        }
        return channel == 0 ? red : channel == 1 ? green : blue;
    }
}
