package org.dlspark.predict;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.dlspark.data.DataFiles;
import org.dlspark.data.DataFormatException;
import org.dlspark.io.HadoopOutputFolder;
import org.dlspark.io.Json;
import org.dlspark.model.ModelInputs;
import org.dlspark.model.Prediction;
import org.dlspark.model.Predictor;
import org.dlspark.model.TrainedModel;
import org.dlspark.spark.SparkContexts;
import org.dlspark.train.InvalidSettingException;
import org.dlspark.train.ProgressPrinter;
import org.dlspark.zoo.ModelZoo;
import org.dlspark.zoo.Task;
import org.dlspark.zoo.ZooModel;
import org.dlspark.zoo.gan.GanTraining;
import scala.Tuple2;

/**
 * The {@code predict} job: applies a trained model to new inputs in batch on Spark. A classifier: one JSON line per
 * input ({@code id}, {@code label}, {@code className}, {@code probabilities}) under {@code predictions/}, with
 * {@code summary.json} (inputs per predicted class). The denoising autoencoder: each input's denoised image as
 * {@code denoised/NNNNNN.png} (by the input's place) and one JSON line per input ({@code id}, {@code image}) under
 * {@code predictions/}. The GAN takes no input: it generates {@code N} images, {@code generated/NNNNNN.png}, with
 * one JSON line each. The output folder appears only when complete.
 */
public final class PredictJob {

    private static final int BATCH = 256;

    /**
     * What to score.
     *
     * @param model the model folder (a Hadoop path)
     * @param input an IDX image file, a folder of PNG images, or a .csv/.jsonl file of texts; null for a GAN
     * @param generate for a GAN: how many images to generate; else null
     * @param output the output folder to create
     * @param master the Spark master, or null for spark-submit's or local mode
     * @param workers Spark tasks, or null for one per task slot
     */
    public record Settings(String model, String input, Integer generate, String output, String master,
            Integer workers) {

        /** Validates every value. */
        public Settings {
            InvalidSettingException.requireText("--model", model);
            if (input == null && generate == null) {
                throw new InvalidSettingException("--input", "what to score is required (or --generate N for a gan)");
            }
            if (input != null && generate != null) {
                throw new InvalidSettingException("--generate", "a gan generates without --input; give one of them");
            }
            if (generate != null) {
                InvalidSettingException.atLeast("--generate", generate, 1);
            }
            InvalidSettingException.requireText("--output", output);
            if (workers != null) {
                InvalidSettingException.atLeast("--workers", workers, 1);
            }
        }
    }

    /**
     * What the job wrote: inputs scored (images generated, for a GAN, which has no input), per predicted class (none
     * for the autoencoder and the GAN).
     */
    public record Summary(String model, @JsonInclude(JsonInclude.Include.NON_NULL) String input, long inputs,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> perClass, double seconds) {
    }

    /** The folder inside the output that the autoencoder's images go into. */
    static final String DENOISED = "denoised";
    /** The folder inside the output that the GAN's images go into. */
    static final String GENERATED = "generated";

    private final Settings settings;
    private final PrintStream out;

    public PredictJob(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** Runs the job. */
    public Summary run() throws IOException {
        long start = System.nanoTime();
        TrainedModel model = TrainedModel.load(settings.model());
        ZooModel zooModel = ModelZoo.create(model.info().model(), model.info().hyperparameters());
        if (zooModel.task() == Task.GENERATION) {
            return generate(model, zooModel, start);
        }
        if (settings.input() == null) {
            throw new InvalidSettingException("--generate", "only a gan generates; " + model.info().model()
                    + " scores an --input");
        }
        List<InputRecord> inputs = PredictionInputs.read(settings.input());
        boolean texts = inputs.get(0).text() != null;
        if (texts == ModelInputs.of(model).takesImages()) {
            throw new InvalidSettingException("--input", settings.input() + " holds " + (texts ? "texts" : "images")
                    + "; the model (" + model.info().model() + ") takes " + (texts ? "images" : "texts"));
        }
        boolean denoises = zooModel.task() == Task.RECONSTRUCTION;
        try (HadoopOutputFolder folder = HadoopOutputFolder.start(settings.output(), "--output", false);
                JavaSparkContext spark = SparkContexts.start("dlspark predict", settings.master())) {
            int workers = settings.workers() != null ? settings.workers() : spark.defaultParallelism();
            out.printf(Locale.ROOT, "%s %d inputs of %s with %s in %d Spark tasks%n", denoises ? "denoising"
                    : "scoring", inputs.size(), settings.input(), model.location(), workers);
            if (denoises) {
                return denoise(spark, model, inputs, workers, folder, start);
            }
            Broadcast<TrainedModel> shipped = spark.broadcast(model);
            JavaRDD<Prediction> predictions = spark.parallelize(inputs, Math.min(workers, inputs.size()))
                    .mapPartitions(part -> score(new Predictor(shipped.value()), part))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            predictions.map(Json::toText).saveAsTextFile(folder.resolve("predictions"));
            Map<String, Long> perClass = new LinkedHashMap<>();
            model.classNames().forEach(name -> perClass.put(name, 0L));
            predictions.map(Prediction::className).countByValue().forEach(perClass::put);
            Summary summary = new Summary(model.location(), settings.input(), inputs.size(), perClass,
                    (System.nanoTime() - start) / 1e9);
            folder.write("summary.json", Json.toPrettyText(summary));
            String written = folder.commit();
            out.printf(Locale.ROOT, "scored %d inputs in %s; per class %s; written to %s%n", inputs.size(),
                    ProgressPrinter.format(summary.seconds()), perClass, written);
            return summary;
        }
    }

    /** Writes each input's denoised image and a JSON line naming it. */
    private Summary denoise(JavaSparkContext spark, TrainedModel model, List<InputRecord> inputs, int workers,
            HadoopOutputFolder folder, long start) throws IOException {
        List<Tuple2<Long, InputRecord>> numbered = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            numbered.add(new Tuple2<>((long) i, inputs.get(i)));
        }
        Broadcast<TrainedModel> shipped = spark.broadcast(model);
        PngFolder images = new PngFolder(folder.resolve(DENOISED), DENOISED);
        spark.parallelize(numbered, Math.min(workers, inputs.size()))
                .mapPartitions(part -> denoise(new Denoiser(shipped.value(), images), part))
                // a lambda, not Json::toText: javac deserialises equal method references of one class as the first
                .map(image -> Json.toText(image)).saveAsTextFile(folder.resolve("predictions"));
        Summary summary = new Summary(model.location(), settings.input(), inputs.size(), Map.of(),
                (System.nanoTime() - start) / 1e9);
        folder.write("summary.json", Json.toPrettyText(summary));
        String written = folder.commit();
        out.printf(Locale.ROOT, "denoised %d inputs in %s; written to %s (%s/: one PNG per input)%n", inputs.size(),
                ProgressPrinter.format(summary.seconds()), written, DENOISED);
        return summary;
    }

    /** The GAN's images: chunks of samples generated and written where Spark runs them. */
    private Summary generate(TrainedModel model, ZooModel zooModel, long start) throws IOException {
        if (settings.generate() == null) {
            throw new InvalidSettingException("--generate", "a gan takes no --input; give --generate N, the number "
                    + "of images to generate");
        }
        int count = settings.generate();
        int latentSize = GanTraining.architecture(zooModel).latentSize();
        List<Long> chunks = new ArrayList<>();
        for (long first = 0; first < count; first += BATCH) {
            chunks.add(first);
        }
        try (HadoopOutputFolder folder = HadoopOutputFolder.start(settings.output(), "--output", false);
                JavaSparkContext spark = SparkContexts.start("dlspark predict", settings.master())) {
            int workers = settings.workers() != null ? settings.workers() : spark.defaultParallelism();
            out.printf(Locale.ROOT, "generating %d images with %s in %d Spark tasks%n", count, model.location(),
                    Math.min(workers, chunks.size()));
            Broadcast<TrainedModel> shipped = spark.broadcast(model);
            PngFolder images = new PngFolder(folder.resolve(GENERATED), GENERATED);
            long seed = model.info().seed();
            spark.parallelize(chunks, Math.min(workers, chunks.size()))
                    .mapPartitions(part -> generate(new SampleGenerator(shipped.value(), latentSize, seed, images),
                            part, count))
                    // a lambda, not Json::toText: javac deserialises equal method references of one class as the first
                    .map(image -> Json.toText(image)).saveAsTextFile(folder.resolve("predictions"));
            Summary summary = new Summary(model.location(), null, count, Map.of(),
                    (System.nanoTime() - start) / 1e9);
            folder.write("summary.json", Json.toPrettyText(summary));
            String written = folder.commit();
            out.printf(Locale.ROOT, "generated %d images in %s; written to %s (%s/: one PNG per image)%n", count,
                    ProgressPrinter.format(summary.seconds()), written, GENERATED);
            return summary;
        }
    }

    /** The images of the chunks that start at {@code firsts}, {@value #BATCH} of the {@code count} each at most. */
    private static Iterator<WrittenImage> generate(SampleGenerator generator, Iterator<Long> firsts, int count)
            throws IOException {
        List<WrittenImage> written = new ArrayList<>();
        while (firsts.hasNext()) {
            long first = firsts.next();
            written.addAll(generator.generate(first, (int) Math.min(BATCH, count - first)));
        }
        return written.iterator();
    }

    private static Iterator<WrittenImage> denoise(Denoiser denoiser, Iterator<Tuple2<Long, InputRecord>> records)
            throws IOException {
        return inBatches(records, batch -> {
            List<byte[]> pixels = new ArrayList<>(batch.size());
            for (Tuple2<Long, InputRecord> record : batch) {
                pixels.add(pixels(denoiser.inputs(), record._2()));
            }
            return denoiser.denoise(batch.stream().map(record -> record._2().id()).toList(), pixels,
                    batch.get(0)._1());
        }, BATCH);
    }

    private static Iterator<Prediction> score(Predictor predictor, Iterator<InputRecord> records)
            throws IOException {
        return inBatches(records, batch -> scoreBatch(predictor, batch), BATCH);
    }

    /** What a batch of a partition's records gives. */
    @FunctionalInterface
    private interface BatchWork<T, R> {
        List<R> apply(List<T> batch) throws IOException;
    }

    /** What {@code work} gives for {@code records}, taken {@code size} at a time. */
    private static <T, R> Iterator<R> inBatches(Iterator<T> records, BatchWork<T, R> work, int size)
            throws IOException {
        List<R> results = new ArrayList<>();
        List<T> batch = new ArrayList<>(size);
        while (records.hasNext()) {
            batch.add(records.next());
            if (batch.size() == size || !records.hasNext()) {
                results.addAll(work.apply(batch));
                batch.clear();
            }
        }
        return results.iterator();
    }

    /** An image input's pixels in the model's size and channels. */
    private static byte[] pixels(ModelInputs inputs, InputRecord record) {
        return record.pixels() != null ? record.pixels()
                : inputs.image(DataFiles.readAll(record.imageUri()), record.imageUri());
    }

    private static List<Prediction> scoreBatch(Predictor predictor, List<InputRecord> batch) {
        List<String> ids = batch.stream().map(InputRecord::id).toList();
        if (batch.get(0).text() != null) {
            return predictor.texts(ids, batch.stream().map(InputRecord::text).toList());
        }
        List<byte[]> images = new ArrayList<>(batch.size());
        for (InputRecord record : batch) {
            images.add(pixels(predictor.inputs(), record));
        }
        return predictor.images(ids, images);
    }
}
