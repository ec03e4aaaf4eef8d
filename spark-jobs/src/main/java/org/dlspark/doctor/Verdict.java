package org.dlspark.doctor;

import java.util.ArrayList;
import java.util.List;

/**
 * One check's verdict: what it looked at, what it found and, when it failed, what to do.
 *
 * @param advice what to do, or null when the check passed
 */
public record Verdict(String check, boolean passed, String finding, String advice) {

    /** A check that passed. */
    public static Verdict pass(String check, String finding) {
        return new Verdict(check, true, finding, null);
    }

    /** A check that failed, with what to do about it. */
    public static Verdict fail(String check, String finding, String advice) {
        return new Verdict(check, false, finding, advice);
    }

    /** The console lines: {@code ok} or {@code FAIL}, the check and its finding; then the advice. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-4s  %-9s  %s", passed ? "ok" : "FAIL", check, finding));
        if (advice != null) {
            lines.add("                 -> " + advice);
        }
        return lines;
    }
}
