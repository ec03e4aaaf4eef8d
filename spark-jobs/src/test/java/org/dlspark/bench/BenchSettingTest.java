package org.dlspark.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchSettingTest {

    @Test
    void singleJvmSettingsPinTheirThreadsAndNameNoMaster() {
        assertEquals(List.of("--strategy", "single-jvm"), BenchSetting.ONE_JVM_2_THREADS.trainOptions("spark://x:1"));
        assertEquals(2, BenchSetting.ONE_JVM_2_THREADS.nativeThreads());
        assertEquals(1, BenchSetting.ONE_JVM_2_THREADS.workers());
        assertEquals(1, BenchSetting.ONE_JVM_1_THREAD.cores());
    }

    @Test
    void distributedSettingsRunTwoOneThreadWorkersOnTheirMaster() {
        assertEquals(List.of("--strategy", "gradient-sharing", "--workers", "2", "--master", "spark://h:7177"),
                BenchSetting.SHARING_CLUSTER.trainOptions("spark://h:7177"));
        assertEquals(List.of("--strategy", "parameter-averaging", "--workers", "2", "--master", "local[2]"),
                BenchSetting.AVERAGING_LOCAL.trainOptions(null));
        assertEquals(1, BenchSetting.AVERAGING_CLUSTER.nativeThreads());
        assertEquals(2, BenchSetting.AVERAGING_CLUSTER.cores());
    }

    @Test
    void workersShareTheMinibatchOfOneJvm() {
        BenchWorkload cnn = BenchWorkload.defaults("cnn", "/data");
        List<String> single = cnn.trainOptions(BenchSetting.ONE_JVM_1_THREAD);
        List<String> shared = cnn.trainOptions(BenchSetting.SHARING_LOCAL);
        assertEquals("64", single.get(single.indexOf("--batch") + 1));
        assertEquals("32", shared.get(shared.indexOf("--batch") + 1));
    }

    @Test
    void trainDefaultsGiveEachWorkerTheWholeMinibatchAsTrainDoes() {
        List<String> options = BenchWorkload.defaults("cnn", "/data").trainOptions(BenchSetting.TRAIN_DEFAULTS);
        assertEquals("64", options.get(options.indexOf("--batch") + 1));
        assertEquals(List.of("--strategy", "parameter-averaging", "--workers", "2", "--master", "local[2]"),
                BenchSetting.TRAIN_DEFAULTS.trainOptions(null));
    }

    @Test
    void pyTorchTrainsTheWholeMinibatchInOneProcessWithItsCoresAsThreads() {
        BenchWorkload lstm = BenchWorkload.defaults("lstm", "/emails");
        assertEquals(List.of("--model", "lstm", "--epochs", "3", "--batch", "128", "--threads", "2"),
                lstm.peerOptions(BenchSetting.PYTORCH_2_THREADS));
        assertEquals(1, BenchSetting.PYTORCH_1_THREAD.nativeThreads());
        assertEquals("0-1", BenchSetting.PYTORCH_2_THREADS.cpus(1));
        assertTrue(BenchSetting.PYTORCH_1_THREAD.isPeer() && !BenchSetting.ONE_JVM_1_THREAD.isPeer());
    }

    @Test
    void sideBySideProcessesEachTrainHalfTheExamplesInOneThread() {
        BenchWorkload cnn = BenchWorkload.defaults("cnn", "/data");
        List<String> options = cnn.trainOptions(BenchSetting.SIDE_BY_SIDE);
        assertEquals("30000", options.get(options.indexOf("--train-limit") + 1));
        assertEquals("32", options.get(options.indexOf("--batch") + 1));
        assertEquals(List.of("--strategy", "single-jvm"), BenchSetting.SIDE_BY_SIDE.trainOptions(null));
        assertEquals(2, BenchSetting.SIDE_BY_SIDE.processes());
        assertEquals(1, BenchSetting.SIDE_BY_SIDE.nativeThreads());
        // Unlimited data stays unlimited: each process trains on all of it.
        List<String> lstm = BenchWorkload.defaults("lstm", "/emails").trainOptions(BenchSetting.SIDE_BY_SIDE);
        assertEquals(Integer.toString(Integer.MAX_VALUE), lstm.get(lstm.indexOf("--train-limit") + 1));
    }

    @Test
    void pinnedProcessesGetTheirSettingsCpus() {
        assertEquals("0", BenchSetting.ONE_JVM_1_THREAD.cpus(1));
        assertEquals("0-1", BenchSetting.ONE_JVM_2_THREADS.cpus(1));
        assertEquals("0-1", BenchSetting.SHARING_LOCAL.cpus(1));
        assertEquals("0", BenchSetting.SIDE_BY_SIDE.cpus(1));
        assertEquals("1", BenchSetting.SIDE_BY_SIDE.cpus(2));
        assertNull(BenchSetting.SHARING_CLUSTER.cpus(1));
    }

    @Test
    void anUnknownSettingIsNamedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BenchSetting.byId("gpu"));
        assertTrue(e.getMessage().contains("'gpu'") && e.getMessage().contains("sharing-local"), e.getMessage());
    }

    @Test
    void aWorkloadNeedsAWarmUpEpochAndABatchTwoWorkersCanShare() {
        assertThrows(IllegalArgumentException.class, () -> new BenchWorkload("cnn", "/d", 1, 64, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> new BenchWorkload("cnn", "/d", 3, 1, 10, 10));
    }
}
