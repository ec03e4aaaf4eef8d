package org.dlspark.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Preprocesses Fashion-MNIST IDX files stored in a real HDFS (Hadoop's MiniDFSCluster, on loopback) into shards
 * in HDFS, then trains from those shards into a run folder on HDFS and resumes a killed run from its checkpoints
 * there: every job runs as a separate process through scripts/dlspark. On a standalone cluster, the executors read
 * the shards from HDFS and the driver reads none of them. The Spark ML API's example reads its DataFrames from HDFS
 * and saves its fitted pipeline there.
 */
class HdfsPreprocessIT {

    @RegisterExtension
    static final LocalCluster CLUSTER = new LocalCluster();

    private static final int TRAIN_IMAGES = 600;
    private static final int TEST_IMAGES = 200;

    @TempDir
    static Path dir;

    private static MiniDFSCluster cluster;
    private static FileSystem hdfs;

    @BeforeAll
    static void startHdfs() throws IOException {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("hdfs").toString());
        conf.set("dfs.namenode.rpc-address", "127.0.0.1:0");
        cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        cluster.waitActive();
        hdfs = cluster.getFileSystem();
        copyIdxSubset("train", TRAIN_IMAGES);
        copyIdxSubset("t10k", TEST_IMAGES);
    }

    @AfterAll
    static void stopHdfs() {
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    private static String uri(String path) {
        return "hdfs://127.0.0.1:" + cluster.getNameNodePort() + path;
    }

    @Test
    void preprocessesFromAndToHdfsThenTrainsFromTheShards() throws Exception {
        DlSparkProcess.Outcome preprocess = DlSparkProcess.run("preprocess", "--input", uri("/raw"), "--format", "idx",
                "--output", uri("/prepared"), "--shards", "2", "--partitions", "2", "--normalise", "standardise",
                "--master", "local[2]");
        assertEquals(0, preprocess.exitCode(), preprocess::toString);
        assertTrue(preprocess.stdout().contains("records/s"), preprocess::toString);

        JsonNode manifest = json("/prepared/manifest.json");
        int trainExamples = manifest.get("splits").get("train").get("examples").asInt();
        int validationExamples = manifest.get("splits").get("validation").get("examples").asInt();
        assertEquals(TRAIN_IMAGES, trainExamples + validationExamples);
        assertTrue(Math.abs(validationExamples - 60) <= 5, "10% of each class, rounded: " + validationExamples);
        assertEquals(TEST_IMAGES, manifest.get("splits").get("test").get("examples").asInt());
        assertEquals("standardise", manifest.get("normaliser").get("method").asText());
        for (JsonNode shard : manifest.get("splits").get("train").get("shards")) {
            assertTrue(hdfs.exists(new org.apache.hadoop.fs.Path("/prepared/" + shard.asText())), shard.asText());
        }
        List<String> root = names("/");
        assertTrue(root.containsAll(List.of("raw", "prepared"))
                && root.stream().noneMatch(name -> name.startsWith(".")), "temporary output left behind: " + root);

        DlSparkProcess.Outcome train = DlSparkProcess.run("train", "--model", "cnn", "--data", uri("/prepared"),
                "--epochs", "2", "--master", "local[2]", "--out", uri("/runs/cnn"));
        assertEquals(0, train.exitCode(), train::toString);
        assertTrue(train.stdout().contains("training cnn on " + trainExamples + " images (200 test images), 2 epochs"),
                train::toString);
        assertTrue(train.stdout().contains("run folder: " + uri("/runs/cnn")), train::toString);
        assertTrue(train.stdout().contains("early stopping with patience 3 on the validation score"),
                "on by default: the prepared data has a validation split\n" + train);
        JsonNode metrics = json("/runs/cnn/metrics.json");
        assertEquals(TEST_IMAGES, metrics.get("examples").asInt());
        assertTrue(metrics.get("accuracy").asDouble() > 0.2, metrics.toString());
        assertEquals(List.of("checkpoints", "logs", "metrics.json", "metrics.jsonl", "model.zip", "run.json",
                "training-curves.png"), names("/runs/cnn"), "the whole run folder, on HDFS");
        assertEquals(List.of("best.zip", "epoch-0001.json", "epoch-0001.zip", "epoch-0002.json", "epoch-0002.zip"),
                names("/runs/cnn/checkpoints"));
        assertEquals(List.of("cnn"), names("/runs"), "no hidden folder left beside it");

        registryPredictionsAndAFullLocationOnHdfs(uri("/runs/cnn"), metrics.get("accuracy").asDouble());
    }

    /**
     * Preprocessing and training on a standalone cluster (executors in JVMs of their own) from HDFS: the executors
     * read the raw files and the shards, with either strategy; the driver reads the manifest and nothing else of the
     * data set from HDFS, as Hadoop's statistics of its JVM show ({@code driverBytesRead} in metrics.json).
     */
    @Test
    void onAClusterTheExecutorsReadTheShardsAndTheDriverNone() throws Exception {
        DlSparkProcess.Outcome preprocess = DlSparkProcess.run("preprocess", "--input", uri("/raw"), "--format", "idx",
                "--output", uri("/cluster-shards"), "--shards", "4", "--master", CLUSTER.master());
        assertEquals(0, preprocess.exitCode(), preprocess::toString);
        long shardBytes = hdfs.getContentSummary(new org.apache.hadoop.fs.Path("/cluster-shards")).getLength();
        long manifestBytes = hdfs.getFileStatus(new org.apache.hadoop.fs.Path("/cluster-shards/manifest.json"))
                .getLen();
        for (String strategy : List.of("gradient-sharing", "parameter-averaging")) {
            Path run = dir.resolve("cluster-" + strategy);
            DlSparkProcess.Outcome train = DlSparkProcess.run("train", "--model", "cnn", "--data",
                    uri("/cluster-shards"), "--epochs", "2", "--batch", "16", "--strategy", strategy, "--workers", "2",
                    "--master", CLUSTER.master(), "--out", run.toString());
            assertEquals(0, train.exitCode(), train::toString);
            JsonNode metrics = new ObjectMapper().readTree(run.resolve("metrics.json").toFile());
            assertTrue(metrics.get("accuracy").asDouble() > 0.3, metrics.toString());
            long driverRead = metrics.get("driverBytesRead").path("hdfs").asLong();
            assertTrue(driverRead >= manifestBytes && driverRead < manifestBytes + 16 * 1024,
                    "the driver read " + driverRead + " bytes of HDFS; the manifest has " + manifestBytes
                    + ", the data set " + shardBytes);
            assertTrue(shardBytes > 40 * driverRead, shardBytes + " bytes of shards");
            assertFalse(train.log().contains("very large size"), "no task carries the data");
        }
    }

    /**
     * A run folder on HDFS survives its driver: a run killed (SIGKILL) after its first checkpoint reached HDFS is
     * continued with {@code --resume} from there and ends like an uninterrupted run.
     */
    @Test
    void theSparkMlApiReadsFromAndSavesToHdfs() throws Exception {
        DlSparkProcess.Outcome example = DlSparkProcess.runScript("scripts/spark-submit", "--master", "local[2]",
                "--class", "org.dlspark.examples.FashionMnistPipeline", "--jars",
                "spark-jobs/target/dlspark-0.1.0-SNAPSHOT.jar", "examples/target/dlspark-examples-0.1.0-SNAPSHOT.jar",
                uri("/raw"), uri("/api"), "parameter-averaging", "1");
        assertEquals(0, example.exitCode(), example::toString);
        assertTrue(example.stdout().contains("on " + TEST_IMAGES + " images"), example::toString);
        assertTrue(example.stdout().contains("loaded again, it predicts the same classes"), example::toString);
        assertTrue(hdfs.exists(new org.apache.hadoop.fs.Path("/api/pipeline/metadata")), "the pipeline is on HDFS");
    }

    @Test
    void aRunOnHdfsKilledAfterItsFirstCheckpointResumesFromHdfs() throws Exception {
        Path data = IdxFixtures.validData(Files.createDirectories(dir.resolve("resume-data")));
        List<String> options = List.of("train", "--model", "cnn", "--strategy", "single-jvm",
                "--epochs", "3", "--batch", "8", "--data", data.toString());
        DlSparkProcess.Outcome whole = DlSparkProcess.run(DlSparkProcess.args(options, "--out",
                uri("/resume/uninterrupted")));
        assertEquals(0, whole.exitCode(), whole::toString);

        org.apache.hadoop.fs.Path firstCheckpoint = new org.apache.hadoop.fs.Path(
                "/resume/.resumed.partial/checkpoints/epoch-0001.json");
        Path log = dir.resolve("killed.log");
        Process killed = DlSparkProcess.start(log, DlSparkProcess.args(options, "--out", uri("/resume/resumed")));
        assertTrue(DlSparkProcess.killWhen(killed, () -> hdfs.exists(firstCheckpoint)),
                () -> "no checkpoint reached HDFS: " + DlSparkProcess.readLog(log));
        assertFalse(hdfs.exists(new org.apache.hadoop.fs.Path("/resume/resumed")));

        DlSparkProcess.Outcome resumed = DlSparkProcess.run(DlSparkProcess.args(options, "--out",
                uri("/resume/resumed"), "--resume"));
        assertEquals(0, resumed.exitCode(), resumed::toString);
        assertTrue(resumed.stdout().matches("(?s).*resuming after epoch [12] .*"), resumed::toString);
        JsonNode expected = json("/resume/uninterrupted/metrics.json");
        JsonNode actual = json("/resume/resumed/metrics.json");
        assertEquals(3, actual.get("history").size());
        assertEquals(expected.get("accuracy").asDouble(), actual.get("accuracy").asDouble(), 1e-9);
        assertEquals(List.of("resumed", "uninterrupted"), names("/resume"));
    }

    private static List<String> names(String folder) throws IOException {
        return java.util.Arrays.stream(hdfs.listStatus(new org.apache.hadoop.fs.Path(folder)))
                .map(s -> s.getPath().getName()).sorted().toList();
    }

    private static JsonNode json(String file) throws IOException {
        try (InputStream in = hdfs.open(new org.apache.hadoop.fs.Path(file))) {
            return new ObjectMapper().readTree(in);
        }
    }

    /** The registry and predictions on HDFS; an output location over its HDFS quota fails clearly. */
    private static void registryPredictionsAndAFullLocationOnHdfs(String run, double accuracy) throws Exception {
        DlSparkProcess.Outcome register = DlSparkProcess.run("registry", "register", "--registry", uri("/registry"),
                "--run", run);
        assertEquals(0, register.exitCode(), register::toString);
        DlSparkProcess.Outcome evaluate = DlSparkProcess.run("evaluate", "--model",
                uri("/registry/cnn/versions/v0001"), "--master", "local[2]", "--out", dir.resolve("eval").toString());
        assertEquals(0, evaluate.exitCode(), evaluate::toString);
        assertEquals(accuracy, new ObjectMapper().readTree(dir.resolve("eval/evaluation.json").toFile())
                .get("accuracy").asDouble(), 0.0, "evaluated from HDFS: the model in the registry, data from HDFS");

        DlSparkProcess.Outcome predict = DlSparkProcess.run("predict", "--model", uri("/registry/cnn/versions/v0001"),
                "--input", uri("/raw/t10k-images-idx3-ubyte"), "--output", uri("/predictions"), "--master",
                "local[2]");
        assertEquals(0, predict.exitCode(), predict::toString);
        assertTrue(hdfs.exists(new org.apache.hadoop.fs.Path("/predictions/summary.json")));

        org.apache.hadoop.fs.Path full = new org.apache.hadoop.fs.Path("/full");
        hdfs.mkdirs(full);
        ((org.apache.hadoop.hdfs.DistributedFileSystem) hdfs).setQuota(full,
                org.apache.hadoop.hdfs.protocol.HdfsConstants.QUOTA_DONT_SET, 1024);
        DlSparkProcess.Outcome refused = DlSparkProcess.run("predict", "--model", uri("/registry/cnn/versions/v0001"),
                "--input", uri("/raw/t10k-images-idx3-ubyte"), "--output", uri("/full/predictions"), "--master",
                "local[2]");
        assertEquals(1, refused.exitCode(), refused::toString);
        assertTrue(refused.stderr().contains("predict: error: cannot write the output: ")
                && refused.stderr().contains("/full"), refused::toString);
        assertEquals(0, hdfs.listStatus(full).length, "nothing half-written in the full location");
        assertTrue(hdfs.exists(new org.apache.hadoop.fs.Path("/predictions/summary.json")), "earlier output intact");

        org.apache.hadoop.fs.Path readOnly = new org.apache.hadoop.fs.Path("/read-only");
        hdfs.mkdirs(readOnly, new org.apache.hadoop.fs.permission.FsPermission((short) 0555));
        DlSparkProcess.Outcome denied = DlSparkProcess.run(java.util.Map.of("HADOOP_USER_NAME", "analyst"),
                "predict", "--model", uri("/registry/cnn/versions/v0001"), "--input", uri("/raw/t10k-images-idx3-ubyte"),
                "--output", uri("/read-only/predictions"), "--master", "local[2]");
        assertEquals(1, denied.exitCode(), denied::toString);
        assertTrue(denied.stderr().contains("predict: error: cannot write the output: ")
                && denied.stderr().contains("Permission denied") && denied.stderr().contains("/read-only"),
                denied::toString);
        assertEquals(0, hdfs.listStatus(readOnly).length, "nothing written in the read-only location");
    }

    /** Writes the first {@code count} images and labels of a Fashion-MNIST part to HDFS as raw IDX files. */
    private static void copyIdxSubset(String part, int count) throws IOException {
        copyIdx(DlSparkProcess.FASHION_MNIST.resolve(part + "-images-idx3-ubyte.gz"),
                "/raw/" + part + "-images-idx3-ubyte", count, 28 * 28);
        copyIdx(DlSparkProcess.FASHION_MNIST.resolve(part + "-labels-idx1-ubyte.gz"),
                "/raw/" + part + "-labels-idx1-ubyte", count, 1);
    }

    private static void copyIdx(Path source, String target, int count, int recordSize) throws IOException {
        try (InputStream raw = Files.newInputStream(source);
                DataInputStream in = new DataInputStream(new GZIPInputStream(raw));
                DataOutputStream out = new DataOutputStream(hdfs.create(new org.apache.hadoop.fs.Path(target)))) {
            int magic = in.readInt();
            out.writeInt(magic);
            in.readInt();
            out.writeInt(count);
            for (int d = 0; d < (magic & 0xff) - 1; d++) {
                out.writeInt(in.readInt());
            }
            out.write(in.readNBytes(count * recordSize));
        }
    }
}
