package org.dlspark.eval;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Image-quality measures for images with values in [0, 1]. */
public final class ImageQuality {

    private ImageQuality() {
    }

    /** The sum of squared differences between two image batches of the same shape. */
    public static double squaredError(INDArray images, INDArray reference) {
        return Transforms.pow(images.sub(reference), 2, false).sumNumber().doubleValue();
    }

    /** Peak signal-to-noise ratio, in dB, of a mean squared error for a peak value of 1. */
    public static double psnr(double meanSquaredError) {
        return 10 * Math.log10(1 / meanSquaredError);
    }

    /**
     * Each image smoothed by a 3x3 box filter: every pixel becomes the mean of its 3x3 neighbourhood, the
     * neighbourhood cut at the border (only pixels inside the image count).
     *
     * @param images {@code [n, 1, height, width]}
     */
    public static INDArray boxFilter3x3(INDArray images) {
        int n = (int) images.size(0);
        int height = (int) images.size(2);
        int width = (int) images.size(3);
        float[] in = images.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).dup('c').data().asFloat();
        float[] out = new float[in.length];
        for (int image = 0; image < n; image++) {
            int base = image * height * width;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    float sum = 0;
                    int count = 0;
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int yy = y + dy;
                            int xx = x + dx;
                            if (yy >= 0 && yy < height && xx >= 0 && xx < width) {
                                sum += in[base + yy * width + xx];
                                count++;
                            }
                        }
                    }
                    out[base + y * width + x] = sum / count;
                }
            }
        }
        return Nd4j.create(out, images.shape(), 'c').castTo(images.dataType());
    }
}
