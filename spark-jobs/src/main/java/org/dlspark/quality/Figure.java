package org.dlspark.quality;

import java.util.Locale;

/**
 * One measured quality figure against its target.
 *
 * @param name what was measured, e.g. "test accuracy"
 * @param value the measurement
 * @param target the least acceptable value
 * @param unit printed after the numbers ("" or "dB")
 */
public record Figure(String name, double value, double target, String unit) {

    /** Whether the value reaches the target. */
    public boolean passed() {
        return value >= target;
    }

    /** E.g. {@code test accuracy 0.9123 (target >= 0.90): PASS}. */
    @Override
    public String toString() {
        String suffix = unit.isEmpty() ? "" : " " + unit;
        return String.format(Locale.ROOT, "%s %.4f%s (target >= %.4f%s): %s", name, value, suffix, target, suffix,
                passed() ? "PASS" : "FAIL");
    }
}
