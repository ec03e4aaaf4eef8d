package org.dlspark.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkEnv;
import org.apache.spark.rpc.RpcEndpointRef;
import org.apache.spark.rpc.RpcTimeout;
import org.apache.spark.status.api.v1.ThreadStackTrace;
import org.apache.spark.storage.BlockManagerMessages;
import org.apache.spark.util.Utils;
import scala.Option;
import scala.collection.JavaConverters;
import scala.concurrent.duration.FiniteDuration;
import scala.reflect.ClassTag$;

/**
 * Thread dumps of a Spark application's executors, taken by the driver (with the message the Executors page of
 * Spark's UI sends), one text file per executor. An executor whose process is stopped or whose machine is
 * unreachable does not answer; its file says so. Each request carries its own timeout, so none is left pending
 * (Spark's own {@code getExecutorThreadDump} waits {@code spark.rpc.askTimeout}, 2 minutes by default).
 */
public final class ExecutorThreadDumps {

    private ExecutorThreadDumps() {
    }

    /**
     * Writes the thread dump of each of {@code executors} to {@code folder/executor-ID.txt}.
     *
     * @return the executors that did not answer within {@code wait}
     */
    public static Set<String> write(Collection<String> executors, Path folder, Duration wait) throws IOException {
        Files.createDirectories(folder);
        Map<String, CompletableFuture<Option<ThreadStackTrace[]>>> asked = new LinkedHashMap<>();
        for (String executor : executors) {
            asked.put(executor, CompletableFuture.supplyAsync(() -> ask(executor, wait),
                    ExecutorThreadDumps::onOwnThread));
        }
        Set<String> silent = new TreeSet<>();
        for (Map.Entry<String, CompletableFuture<Option<ThreadStackTrace[]>>> answer : asked.entrySet()) {
            String text;
            try {
                Option<ThreadStackTrace[]> dump = answer.getValue().get();
                text = dump.isDefined() ? format(dump.get()) : "executor " + answer.getKey()
                        + " is not known to the driver (it was lost)\n";
            } catch (ExecutionException e) {
                silent.add(answer.getKey());
                text = "executor " + answer.getKey() + " did not answer within " + wait.toSeconds() + " s: its "
                        + "process may be stopped or its machine unreachable (" + e.getCause() + ")\n";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while taking thread dumps", e);
            }
            Files.writeString(file(folder, answer.getKey()), text, StandardCharsets.UTF_8);
        }
        return silent;
    }

    /** Where {@link #write} puts the dump of {@code executor}. */
    public static Path file(Path folder, String executor) {
        return folder.resolve("executor-" + executor.replaceAll("[^A-Za-z0-9._-]", "_") + ".txt");
    }

    /**
     * The executor's thread dump (this JVM's for the driver), empty when the driver no longer knows it; fails after
     * {@code wait}.
     */
    private static Option<ThreadStackTrace[]> ask(String executor, Duration wait) {
        if (executor.equals(SparkEnv.get().executorId())) {
            return Option.apply(Utils.getThreadDump());
        }
        Option<RpcEndpointRef> endpoint = SparkEnv.get().blockManager().master().getExecutorEndpointRef(executor);
        if (endpoint.isEmpty()) {
            return Option.empty();
        }
        RpcTimeout timeout = new RpcTimeout(FiniteDuration.apply(wait.toMillis(), TimeUnit.MILLISECONDS),
                "the stall watchdog's wait");
        return Option.apply(endpoint.get().askSync(BlockManagerMessages.TriggerThreadDump$.MODULE$, timeout,
                ClassTag$.MODULE$.apply(ThreadStackTrace[].class)));
    }

    private static String format(ThreadStackTrace[] threads) {
        StringBuilder text = new StringBuilder();
        for (ThreadStackTrace thread : threads) {
            text.append('"').append(thread.threadName()).append("\" ").append(thread.threadState()).append('\n');
            for (String frame : JavaConverters.seqAsJavaList(thread.stackTrace().elems())) {
                text.append("    ").append(frame).append('\n');
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static void onOwnThread(Runnable ask) {
        Thread thread = new Thread(ask, "dlspark thread dump");
        thread.setDaemon(true);
        thread.start();
    }
}
