package org.dlspark.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.bytedeco.javacpp.Loader;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's native library: which backend and build variant loads (DLSpark's default, the generic x86-64 build with
 * oneDNN, which picks SSE4.1, AVX2 or AVX-512 kernels at run time; or an AVX2, AVX-512 or CUDA build) and whether
 * this CPU has the instructions that variant needs. A variant built for instructions the CPU lacks dies with
 * SIGILL at the first operation.
 */
final class NativeCheck {

    /** The CPU flags (Linux's names) each x86 build variant of ND4J needs. */
    private static final Map<String, List<String>> NEEDS = Map.of("avx512", List.of("avx512f", "avx512bw",
            "avx512dq", "avx512vl"), "avx2", List.of("avx2", "fma"));

    private NativeCheck() {
    }

    static Verdict check() {
        String backend;
        Properties environment;
        try {
            backend = Nd4j.getBackend().getClass().getSimpleName();
            environment = Nd4j.getExecutioner().getEnvironmentInformation();
        } catch (RuntimeException | LinkageError e) {
            return Verdict.fail("native", "ND4J's native library does not load: " + e,
                    "use the nd4j-native classifier for this platform (see the README's GPU and portable builds)");
        }
        String library = Loader.getLoadedLibraries().entrySet().stream()
                .filter(entry -> entry.getKey().contains("nd4j")).map(Map.Entry::getValue).findFirst().orElse("");
        String variant = variant(library);
        Set<String> flags = cpuFlags();
        String finding = String.format("%s, %s variant (%s), %s cores; CPU: %s", backend, variant,
                library.isEmpty() ? "library path unknown" : Path.of(library).getParent(),
                environment.getOrDefault("cores", "?"), flags.isEmpty() ? "flags unknown" : describe(flags));
        List<String> missing = NEEDS.getOrDefault(variant, List.of()).stream()
                .filter(flag -> !flags.isEmpty() && !flags.contains(flag)).toList();
        if (!missing.isEmpty()) {
            return Verdict.fail("native", finding + "; lacks " + String.join(", ", missing),
                    "build with the default classifier: mvn -Dnd4j.native.classifier=linux-x86_64-onednn package");
        }
        return Verdict.pass("native", finding);
    }

    /** The build variant a library path names: avx512, avx2, cuda, onednn or generic. */
    private static String variant(String library) {
        String lower = library.toLowerCase();
        for (String variant : List.of("avx512", "avx2", "cuda", "onednn")) {
            if (lower.contains(variant)) {
                return variant;
            }
        }
        return "generic";
    }

    /** The CPU's flags, from /proc/cpuinfo; empty where there is none. */
    private static Set<String> cpuFlags() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("flags"))
                    .findFirst().map(line -> Arrays.stream(line.substring(line.indexOf(':') + 1).trim().split("\\s+"))
                            .collect(Collectors.toSet())).orElse(Set.of());
        } catch (IOException e) {
            return Set.of();
        }
    }

    private static String describe(Set<String> flags) {
        String best = flags.contains("avx512f") ? "AVX-512" : flags.contains("avx2") ? "AVX2" : "no AVX2";
        return best + " (" + flags.stream().filter(flag -> flag.startsWith("avx")).sorted()
                .collect(Collectors.joining(" ")) + ")";
    }
}
