package org.dlspark.quality;

import java.nio.file.Path;
import java.util.List;

/**
 * What a quality run measured.
 *
 * @param model the family's name
 * @param figures each measured figure with its target
 * @param wallSeconds the run's wall time, data loading included
 * @param runFolder where the model, metrics and pictures were written
 */
public record QualityResult(String model, List<Figure> figures, double wallSeconds, Path runFolder) {

    /** Whether every figure reaches its target. */
    public boolean passed() {
        return figures.stream().allMatch(Figure::passed);
    }
}
