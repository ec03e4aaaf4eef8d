package org.dlspark.train.sharing;

/** Order statistics of float arrays in linear expected time (quickselect with the middle element as pivot). */
final class Selection {

    private Selection() {
    }

    /** The {@code k}-th largest value of {@code values} (1-based), reordering the array. */
    static float kthLargest(float[] values, int k) {
        if (k < 1 || k > values.length) {
            throw new IllegalArgumentException("k=" + k + " for " + values.length + " values");
        }
        int target = values.length - k;
        int low = 0;
        int high = values.length - 1;
        while (low < high) {
            float pivot = values[(low + high) >>> 1];
            int i = low;
            int j = high;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    float swap = values[i];
                    values[i] = values[j];
                    values[j] = swap;
                    i++;
                    j--;
                }
            }
            if (target <= j) {
                high = j;
            } else if (target >= i) {
                low = i;
            } else {
                return values[target];
            }
        }
        return values[target];
    }
}
