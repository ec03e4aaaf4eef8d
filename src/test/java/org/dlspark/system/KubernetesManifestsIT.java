package org.dlspark.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dlspark.cli.DlSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Checks every manifest in {@code k8s/} against the built application: images are the ones the Dockerfiles build,
 * the main class is the jar's, the jar path is where the image puts it, the arguments parse as DLSpark command
 * lines, the Spark version and Java options are the project's, and every Spark configuration key is one Spark
 * knows.
 */
class KubernetesManifestsIT {

    private static final Path K8S = DlSparkProcess.REPO.resolve("k8s");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Spark keys with a name inside, which Spark does not register one by one. */
    private static final Pattern DYNAMIC_KEY = Pattern.compile("spark\\.executorEnv\\.\\w+"
            + "|spark\\.(executor|task|driver)\\.resource\\.\\w+\\.(amount|vendor|discoveryScript)"
            + "|spark\\.kubernetes\\.(driver|executor)\\.volumes\\.persistentVolumeClaim\\.\\w+\\."
            + "(options\\.claimName|mount\\.path)");

    private static final Map<String, Path> IMAGES = new HashMap<>();
    private static final Map<String, String> COPIED = new HashMap<>();
    private static String mainClass;

    @BeforeAll
    static void readTheBuild() throws Exception {
        for (String dockerfile : List.of("Dockerfile", "Dockerfile.gpu")) {
            String text = Files.readString(K8S.resolve(dockerfile));
            Matcher tag = Pattern.compile("docker build -f k8s/" + Pattern.quote(dockerfile) + " -t (\\S+) \\.")
                    .matcher(text);
            assertTrue(tag.find(), dockerfile + " says how it is built");
            IMAGES.put(tag.group(1), K8S.resolve(dockerfile));
            Matcher copy = Pattern.compile("(?m)^COPY (\\S+) (\\S+)$").matcher(text);
            while (copy.find()) {
                assertTrue(Files.exists(DlSparkProcess.REPO.resolve(copy.group(1))), "copied " + copy.group(1));
                COPIED.put(copy.group(2), copy.group(1));
            }
        }
        Path jar;
        try (Stream<Path> jars = Files.list(DlSparkProcess.REPO.resolve("spark-jobs/target"))) {
            jar = jars.filter(p -> p.getFileName().toString().matches("dlspark-.*\\.jar")).findFirst().orElseThrow();
        }
        assertEquals(jar, DlSparkProcess.REPO.resolve(COPIED.get("/opt/dlspark/dlspark.jar")),
                "the images hold the application jar");
        try (JarFile file = new JarFile(jar.toFile())) {
            mainClass = file.getManifest().getMainAttributes().getValue("Main-Class");
        }
        List<java.net.URL> jars = new ArrayList<>();
        for (String entry : Files.readString(DlSparkProcess.REPO.resolve("spark-runtime/target/spark-classpath.txt"))
                .trim().split(java.io.File.pathSeparator)) {
            jars.add(Path.of(entry).toUri().toURL());
        }
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (Path.of(entry).getFileName().toString().startsWith("spark-kubernetes_")) {
                jars.add(Path.of(entry).toUri().toURL());
            }
        }
        spark = new java.net.URLClassLoader(jars.toArray(java.net.URL[]::new), null);
        Class.forName("org.apache.spark.internal.config.package$", true, spark);
        Class.forName("org.apache.spark.deploy.k8s.Config$", true, spark);
    }

    /** Spark's own classes, from the jars the scripts run it with. */
    private static ClassLoader spark;

    private static Object scalaObject(String name) throws Exception {
        return Class.forName(name + "$", true, spark).getField("MODULE$").get(null);
    }

    /** The version of the spark-core jar the scripts run. */
    private static String sparkVersion() throws Exception {
        Matcher version = Pattern.compile("spark-core_[\\d.]+-([\\w.]+)\\.jar").matcher(
                Files.readString(DlSparkProcess.REPO.resolve("spark-runtime/target/spark-classpath.txt")));
        assertTrue(version.find(), "spark-core on Spark's classpath");
        return version.group(1);
    }

    @Test
    void sparkApplicationsRunTheBuiltApplication() throws Exception {
        String javaOptions = String.join(" ", Files.readAllLines(DlSparkProcess.REPO.resolve("conf/jvm.options")));
        int checked = 0;
        for (JsonNode document : documents()) {
            String kind = document.get("kind").asText();
            if (!kind.equals("SparkApplication") && !kind.equals("ScheduledSparkApplication")) {
                continue;
            }
            JsonNode spec = kind.equals("SparkApplication") ? document.get("spec")
                    : document.get("spec").get("template");
            String image = spec.get("image").asText();
            assertTrue(IMAGES.containsKey(image), image + " is built by a Dockerfile");
            assertEquals(mainClass, spec.get("mainClass").asText());
            assertEquals("local:///opt/dlspark/dlspark.jar", spec.get("mainApplicationFile").asText());
            assertEquals(sparkVersion(), spec.get("sparkVersion").asText());
            assertEquals(javaOptions, spec.get("driver").get("javaOptions").asText());
            assertEquals(javaOptions, spec.get("executor").get("javaOptions").asText());
            assertParses(strings(spec.get("arguments")));
            for (String key : iterable(spec.get("sparkConf").fieldNames())) {
                assertKnownKey(key);
            }
            JsonNode gpu = spec.get("executor").get("gpu");
            if (gpu != null) {
                assertEquals("nvidia.com/gpu", gpu.get("name").asText());
                String script = spec.get("sparkConf").get("spark.executor.resource.gpu.discoveryScript").asText();
                assertTrue(Files.isExecutable(DlSparkProcess.REPO.resolve(COPIED.get(script))), script);
                assertTrue(IMAGES.get(image).getFileName().toString().endsWith(".gpu"), "GPU runs use the CUDA image");
            }
            assertReferencesExist(spec.get("driver").get("serviceAccount").asText(),
                    spec.get("volumes").get(0).get("persistentVolumeClaim").get("claimName").asText());
            checked++;
        }
        assertEquals(3, checked, "train-cpu, train-gpu and the scheduled retraining");
    }

    @Test
    void theCronJobSubmitsThePipeline() throws Exception {
        JsonNode cron = documents().stream().filter(d -> d.get("kind").asText().equals("CronJob")).findFirst()
                .orElseThrow();
        JsonNode pod = cron.get("spec").get("jobTemplate").get("spec").get("template").get("spec");
        JsonNode container = pod.get("containers").get(0);
        assertTrue(IMAGES.containsKey(container.get("image").asText()));
        assertEquals("/opt/spark/bin/spark-submit", container.get("command").get(0).asText());
        List<String> args = strings(container.get("args"));
        int jar = args.indexOf("local:///opt/dlspark/dlspark.jar");
        assertTrue(jar > 0, "the application jar is submitted");
        assertEquals(mainClass, args.get(args.indexOf("--class") + 1));
        String image = null;
        String claim = null;
        for (int i = 0; i < jar; i++) {
            if (args.get(i).equals("--conf")) {
                String[] kv = args.get(i + 1).split("=", 2);
                assertKnownKey(kv[0]);
                if (kv[0].equals("spark.kubernetes.container.image")) {
                    image = kv[1];
                }
                if (kv[0].endsWith("options.claimName")) {
                    claim = kv[1];
                }
            }
        }
        assertEquals(container.get("image").asText(), image);
        assertReferencesExist(pod.get("serviceAccountName").asText(), claim);
        List<String> application = args.subList(jar + 1, args.size());
        assertParses(application);
        assertTrue(Files.exists(DlSparkProcess.REPO.resolve("conf/pipeline").resolve(
                Path.of(application.get(application.indexOf("--config") + 1)).getFileName())));
    }

    private static void assertParses(List<String> args) {
        CommandLine.ParseResult parsed = new CommandLine(new DlSpark()).parseArgs(args.toArray(String[]::new));
        assertTrue(parsed.hasSubcommand(), args.toString());
        assertTrue(parsed.subcommand().unmatched().isEmpty(), args.toString());
    }

    private static void assertKnownKey(String key) throws Exception {
        Object entries = scalaObject("org.apache.spark.internal.config.ConfigEntry");
        Object entry = entries.getClass().getMethod("findEntry", String.class).invoke(entries, key);
        assertTrue(entry != null || DYNAMIC_KEY.matcher(key).matches(), key + " is no Spark configuration key");
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }

    private static void assertReferencesExist(String serviceAccount, String claim) throws Exception {
        List<JsonNode> documents = documents();
        assertTrue(documents.stream().anyMatch(d -> d.get("kind").asText().equals("ServiceAccount")
                && d.get("metadata").get("name").asText().equals(serviceAccount)), serviceAccount);
        assertTrue(documents.stream().anyMatch(d -> d.get("kind").asText().equals("RoleBinding")
                && d.get("subjects").get(0).get("name").asText().equals(serviceAccount)), serviceAccount);
        assertNotNull(claim);
        assertTrue(documents.stream().anyMatch(d -> d.get("kind").asText().equals("PersistentVolumeClaim")
                && d.get("metadata").get("name").asText().equals(claim)), claim);
    }

    private static List<JsonNode> documents() throws Exception {
        List<JsonNode> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(K8S)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
                    List<JsonNode> read = YAML.readValues(parser, JsonNode.class).readAll();
                    assertFalse(read.isEmpty(), file + " holds a manifest");
                    for (JsonNode document : read) {
                        assertTrue(document.has("apiVersion") && document.has("kind"), file.toString());
                        assertEquals("dlspark", document.get("metadata").get("namespace").asText(), file.toString());
                        documents.add(document);
                    }
                }
            }
        }
        return documents;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        ((ArrayNode) array).forEach(v -> values.add(v.asText()));
        return values;
    }
}
