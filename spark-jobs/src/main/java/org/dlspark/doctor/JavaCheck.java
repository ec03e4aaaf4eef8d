package org.dlspark.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM: Java 17 or later, and every package that {@code conf/jvm.options} opens to Spark and ND4J open in this
 * JVM (they fail with {@code InaccessibleObjectException} otherwise).
 */
final class JavaCheck {

    private static final Pattern ADD_OPENS = Pattern.compile("--add-opens[= ]([\\w.]+)/([\\w.]+)=ALL-UNNAMED");

    private JavaCheck() {
    }

    /** Checks this JVM against the flags {@code jvmOptions} lists. */
    static Verdict check(Path jvmOptions) {
        int feature = Runtime.version().feature();
        String version = System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")";
        if (feature < 17) {
            return Verdict.fail("java", "Java " + version, "run DLSpark with Java 17 or later (JAVA_HOME)");
        }
        List<String> closed = new ArrayList<>();
        List<String[]> opens;
        try {
            opens = requiredOpens(jvmOptions);
        } catch (IOException e) {
            return Verdict.fail("java", "Java " + version + "; cannot read " + jvmOptions + ": " + e.getMessage(),
                    "run DLSpark from its folder with scripts/dlspark, which passes conf/jvm.options");
        }
        Module unnamed = JavaCheck.class.getClassLoader().getUnnamedModule();
        for (String[] open : opens) {
            Optional<Module> module = ModuleLayer.boot().findModule(open[0]);
            if (module.isPresent() && !module.get().isOpen(open[1], unnamed)) {
                closed.add(open[0] + "/" + open[1]);
            }
        }
        if (!closed.isEmpty()) {
            return Verdict.fail("java", "Java " + version + "; not opened to Spark and ND4J: "
                    + String.join(", ", closed), "start the JVM with the --add-opens flags of " + jvmOptions
                    + " (java @" + jvmOptions + "), on the driver and on the executors (spark.executor"
                    + ".extraJavaOptions)");
        }
        return Verdict.pass("java", "Java " + version + ", the " + opens.size() + " packages of " + jvmOptions
                + " open");
    }

    /** The module and package of each {@code --add-opens} flag in {@code jvmOptions}. */
    private static List<String[]> requiredOpens(Path jvmOptions) throws IOException {
        List<String[]> opens = new ArrayList<>();
        Matcher flag = ADD_OPENS.matcher(Files.readString(jvmOptions));
        while (flag.find()) {
            opens.add(new String[] {flag.group(1), flag.group(2)});
        }
        return opens;
    }
}
