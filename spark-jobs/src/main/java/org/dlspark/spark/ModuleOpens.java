package org.dlspark.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packages Java 17 must open to DLSpark, Spark, ND4J and Aeron ({@code --add-opens} in {@code conf/jvm.options},
 * which the jar carries), and which of them a JVM leaves closed: they then fail with
 * {@code InaccessibleObjectException} or {@code IllegalAccessError} deep inside a task.
 */
public final class ModuleOpens {

    private static final Pattern ADD_OPENS = Pattern.compile("--add-opens[= ]([\\w.]+)/([\\w.]+)=ALL-UNNAMED");

    private ModuleOpens() {
    }

    /** The {@code module/package} pairs that {@code jvmOptions}, the text of a JVM options file, opens. */
    public static List<String> listedIn(String jvmOptions) {
        List<String> opens = new ArrayList<>();
        Matcher flag = ADD_OPENS.matcher(jvmOptions);
        while (flag.find()) {
            opens.add(flag.group(1) + "/" + flag.group(2));
        }
        return opens;
    }

    /** The text of {@code conf/jvm.options}, as the jar carries it. */
    public static String bundledOptions() {
        try (InputStream in = ModuleOpens.class.getResourceAsStream("jvm.options")) {
            if (in == null) {
                throw new IllegalStateException("jvm.options is missing from DLSpark's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read jvm.options from DLSpark's jar", e);
        }
    }

    /** Those of {@code required} ({@code module/package}) that this JVM does not open to unnamed modules. */
    public static List<String> closedHere(List<String> required) {
        Module unnamed = ModuleOpens.class.getClassLoader().getUnnamedModule();
        List<String> closed = new ArrayList<>();
        for (String open : required) {
            String[] parts = open.split("/", 2);
            Optional<Module> module = ModuleLayer.boot().findModule(parts[0]);
            if (module.isPresent() && !module.get().isOpen(parts[1], unnamed)) {
                closed.add(open);
            }
        }
        return closed;
    }
}
