package org.dlspark.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.deeplearning4j.util.ModelSerializer;
import org.dlspark.data.IdxFiles;
import org.dlspark.data.IdxReader;
import org.dlspark.model.RunFolders;
import org.dlspark.run.RunInfo;
import org.dlspark.train.InvalidSettingException;
import org.dlspark.zoo.ModelZoo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluate job on the models that do not classify: the autoencoder and the GAN, in Spark local mode. */
class EvaluateJobTest {

    @TempDir
    static Path dir;

    private static Path data;

    @BeforeAll
    static void fashionShapedData() throws Exception {
        data = Files.createDirectories(dir.resolve("data"));
        int[] labels = new int[40];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 10;
        }
        for (String part : new String[] {"train", "t10k"}) {
            IdxFiles.write(data.resolve(part + "-images-idx3-ubyte"), IdxFiles.images(IdxReader.IMAGES_MAGIC, 40, 28));
            IdxFiles.write(data.resolve(part + "-labels-idx1-ubyte"), IdxFiles.labels(labels));
        }
    }

    private static Path untrained(String family) throws Exception {
        Path run = Files.createDirectories(dir.resolve(family));
        ModelSerializer.writeModel(ModelZoo.create(family, Map.of("seed", 7)).build(),
                run.resolve("model.zip").toFile(), false);
        RunInfo.write(run.resolve(RunInfo.FILE), RunInfo.ofImageModel(family, data.toString(), "single-jvm", 1, 16, 7,
                run.resolve("model.zip")));
        return run;
    }

    private static Object evaluate(Path model, String classifier, String out) throws Exception {
        EvaluateJob.Settings settings = new EvaluateJob.Settings(model.toString(), null, "test", null,
                dir.resolve(out), "local[2]", 2, classifier, 250, false);
        return new EvaluateJob(settings, new PrintStream(new ByteArrayOutputStream())).run();
    }

    @Test
    void theAutoencoderIsMeasuredAgainstNoisyAndBoxFilteredImages() throws Exception {
        EvaluateJob.Summary summary = (EvaluateJob.Summary) evaluate(untrained("autoencoder"), null, "ae-eval");
        DenoisingEvaluation.Result figures = (DenoisingEvaluation.Result) summary.figures();
        assertEquals(40, figures.images());
        assertEquals(0.5, figures.noiseFactor());
        assertEquals(figures.denoisedPsnr() - figures.noisyPsnr(), figures.gain(), 1e-9);
        assertEquals(10 * Math.log10(1 / figures.noisyMse()), figures.noisyPsnr(), 1e-9);
        assertTrue(figures.noisyPsnr() > 5 && figures.noisyPsnr() < 15, figures.toString());
        assertTrue(Files.size(dir.resolve("ae-eval/denoising.png")) > 0);
        assertTrue(Files.readString(dir.resolve("ae-eval/evaluation.json")).contains("\"denoisedPsnr\""));

        EvaluateJob.Summary again = (EvaluateJob.Summary) evaluate(dir.resolve("autoencoder"), null, "ae-again");
        assertEquals(figures, again.figures(), "the same seeded noise whatever the partitioning");
    }

    @Test
    void theGanIsJudgedByAClassifier() throws Exception {
        Path classifier = RunFolders.tinyCnn(dir.resolve("judge"), 0.5, 3);
        EvaluateJob.Summary summary = (EvaluateJob.Summary) evaluate(untrained("gan"), classifier.toString(),
                "gan-eval");
        GanEvaluation.Result figures = (GanEvaluation.Result) summary.figures();
        assertEquals(250, figures.samples());
        assertEquals(250, figures.classHistogram().values().stream().mapToLong(Long::longValue).sum());
        assertTrue(figures.meanTopProbability() >= 0.1 && figures.meanTopProbability() <= 1, figures.toString());
        assertTrue(figures.classEntropy() >= 0 && figures.classEntropy() <= Math.log(10) + 1e-9, figures.toString());
        assertTrue(Files.size(dir.resolve("gan-eval/samples.png")) > 0);

        InvalidSettingException noJudge = assertThrows(InvalidSettingException.class,
                () -> evaluate(dir.resolve("gan"), null, "gan-none"));
        assertTrue(noJudge.getMessage().startsWith("--classifier"), noJudge.getMessage());
    }
}
