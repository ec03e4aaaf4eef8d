package org.dlspark.doctor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaSparkContext;
import org.dlspark.train.sharing.MeshPorts;
import org.dlspark.train.sharing.MeshProbe;

/**
 * The executors of a mesh strategy: every worker reaches every other over UDP, on the ports training would use
 * ({@link MeshProbe}), and each has room for Aeron's files. The probe runs as a barrier stage, as training does;
 * it is cancelled when its workers have not all started within the wait.
 */
final class MeshCheck {

    private static final Duration PEER_WAIT = Duration.ofSeconds(30);

    private MeshCheck() {
    }

    static List<Verdict> check(JavaSparkContext spark, int workers, Duration wait) {
        List<Verdict> verdicts = new ArrayList<>();
        List<MeshProbe.Report> reports;
        try {
            reports = MeshProbe.run(spark, workers, PEER_WAIT, wait);
        } catch (Exception e) {
            verdicts.add(Verdict.fail("udp", "the probe's " + workers + " workers did not all run: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), "check the executors' logs"));
            return verdicts;
        }
        List<String> blocked = new ArrayList<>();
        for (MeshProbe.Report receiver : reports) {
            for (MeshProbe.Report sender : reports) {
                if (!receiver.heardFrom().contains(sender.rank())) {
                    blocked.add(String.format(Locale.ROOT, "worker %d (executor %s, %s) -> worker %d (executor %s, "
                            + "%s)", sender.rank(), sender.executor(), sender.address(), receiver.rank(),
                            receiver.executor(), receiver.address()));
                }
            }
        }
        String ports = reports.stream().map(report -> report.address().toString()).collect(Collectors.joining(", "));
        verdicts.add(blocked.isEmpty()
                ? Verdict.pass("udp", String.format(Locale.ROOT, "%d workers (%s) reach each other over UDP", workers,
                        ports))
                : Verdict.fail("udp", "blocked (no datagram in " + MeshProbe.PROBE_TIME.toSeconds() + " s): "
                        + String.join("; ", blocked), "open UDP between the executors' hosts on the ports training "
                        + "uses; --spark-conf " + MeshPorts.SETTING + "=LOW-HIGH fixes them to a range"));
        long needed = MeshProbe.aeronBytesNeeded(workers);
        List<String> cramped = reports.stream().filter(report -> report.aeronFreeBytes() < needed)
                .map(report -> String.format(Locale.ROOT, "executor %s has %d MB free in %s", report.executor(),
                        report.aeronFreeBytes() >> 20, report.aeronFolder())).toList();
        verdicts.add(cramped.isEmpty()
                ? Verdict.pass("aeron", String.format(Locale.ROOT, "every executor has the %d MB Aeron's files take "
                        + "(least free: %d MB)", needed >> 20, reports.stream()
                        .mapToLong(MeshProbe.Report::aeronFreeBytes).min().orElse(0) >> 20))
                : Verdict.fail("aeron", String.join("; ", cramped) + ", Aeron's files take " + (needed >> 20) + " MB",
                        "give the executors a temporary folder with more room (spark.executor.extraJavaOptions="
                                + "-Djava.io.tmpdir=...)"));
        return verdicts;
    }
}
