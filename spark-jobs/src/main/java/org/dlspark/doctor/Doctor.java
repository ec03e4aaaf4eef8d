package org.dlspark.doctor;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dlspark.train.Strategy;

/**
 * {@code dlspark doctor}: checks what a job needs before it runs, each check one verdict on the console with what to
 * do when it fails: the JVM ({@link JavaCheck}), ND4J's native library ({@link NativeCheck}), the data
 * ({@link DataCheck}), the output ({@link OutputCheck}) and Spark with its executors ({@link ClusterCheck}).
 */
public final class Doctor {

    /**
     * What to check.
     *
     * @param master the Spark master, or null for spark-submit's or local mode
     * @param data the data folder, or null to skip that check
     * @param model the model the data is read for
     * @param out the output location, or null to skip that check
     * @param workers the job's workers, or null for as many as the master runs at once
     * @param jvmOptions the JVM flags file whose {@code --add-opens} must hold
     */
    public record Settings(String master, String data, String model, String out, Strategy strategy,
            Integer workers, Path jvmOptions) {
    }

    private final Settings settings;

    public Doctor(Settings settings) {
        this.settings = settings;
    }

    /** Runs every check, printing each verdict as it comes; true when all passed. */
    public boolean run(PrintStream out) {
        List<Verdict> verdicts = new ArrayList<>();
        report(out, verdicts, List.of(JavaCheck.check(settings.jvmOptions()), NativeCheck.check()));
        if (settings.data() != null) {
            report(out, verdicts, List.of(DataCheck.check(settings.data(), settings.model())));
        }
        if (settings.out() != null) {
            report(out, verdicts, List.of(OutputCheck.check(settings.out())));
        }
        if (settings.strategy() != Strategy.SINGLE_JVM) {
            report(out, verdicts, ClusterCheck.check(settings.master(), settings.workers(), true));
        }
        long failed = verdicts.stream().filter(verdict -> !verdict.passed()).count();
        out.println(failed == 0 ? "doctor: all " + verdicts.size() + " checks passed"
                : "doctor: " + failed + " of " + verdicts.size() + " checks failed");
        return failed == 0;
    }

    private static void report(PrintStream out, List<Verdict> all, List<Verdict> verdicts) {
        for (Verdict verdict : verdicts) {
            verdict.lines().forEach(out::println);
            out.flush();
            all.add(verdict);
        }
    }
}
