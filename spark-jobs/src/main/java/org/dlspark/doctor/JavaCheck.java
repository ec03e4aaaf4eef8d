package org.dlspark.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dlspark.spark.ModuleOpens;

/**
 * The JVM: Java 17 or later, and every package that {@code conf/jvm.options} opens to Spark and ND4J open in this
 * JVM (they fail with {@code InaccessibleObjectException} otherwise).
 */
final class JavaCheck {

    private JavaCheck() {
    }

    /** Checks this JVM against the flags {@code jvmOptions} lists. */
    static Verdict check(Path jvmOptions) {
        int feature = Runtime.version().feature();
        String version = System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")";
        if (feature < 17) {
            return Verdict.fail("java", "Java " + version, "run DLSpark with Java 17 or later (JAVA_HOME)");
        }
        List<String> opens;
        try {
            opens = ModuleOpens.listedIn(Files.readString(jvmOptions));
        } catch (IOException e) {
            return Verdict.fail("java", "Java " + version + "; cannot read " + jvmOptions + ": " + e.getMessage(),
                    "run DLSpark from its folder with scripts/dlspark, which passes conf/jvm.options");
        }
        List<String> closed = ModuleOpens.closedHere(opens);
        if (!closed.isEmpty()) {
            return Verdict.fail("java", "Java " + version + "; not opened to Spark and ND4J: "
                    + String.join(", ", closed), "start the JVM with the --add-opens flags of " + jvmOptions
                    + " (java @" + jvmOptions + "), on the driver and on the executors (spark.executor"
                    + ".extraJavaOptions)");
        }
        return Verdict.pass("java", "Java " + version + ", the " + opens.size() + " packages of " + jvmOptions
                + " open");
    }
}
