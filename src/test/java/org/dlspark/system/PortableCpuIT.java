package org.dlspark.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/dlspark train} on a CPU without AVX-512: oneDNN, which DLSpark's native build carries and which
 * picks its kernels for the CPU it finds, is told the CPU has no more than AVX2 ({@code DNNL_MAX_CPU_ISA}), as on
 * an older machine, and its verbose log shows which kernels ran.
 */
class PortableCpuIT {

    @TempDir
    Path dir;

    @Test
    void trainsWithAvx2KernelsOnly() throws Exception {
        Path run = dir.resolve("run");
        DlSparkProcess.Outcome outcome = DlSparkProcess.run(Map.of("DNNL_MAX_CPU_ISA", "AVX2", "DNNL_VERBOSE", "1"),
                "train", "--epochs", "2", "--train-limit", "3200", "--test-limit", "1000", "--out", run.toString());

        assertEquals(0, outcome.exitCode(), () -> outcome.stderr());
        assertTrue(outcome.stdout().contains("dnnl_verbose,info,cpu,isa:Intel AVX2"),
                "oneDNN did not report the AVX2 limit");
        assertTrue(outcome.stdout().contains(",jit:avx2,"), "no AVX2 kernel ran");
        assertFalse(outcome.stdout().contains("avx512"), "an AVX-512 kernel ran");
        JsonNode metrics = new ObjectMapper().readTree(run.resolve("metrics.json").toFile());
        assertTrue(metrics.get("accuracy").asDouble() > 0.6, metrics::toString);
    }
}
