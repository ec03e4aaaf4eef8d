package org.dlspark.preprocess;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.dlspark.data.DataChecksum;
import org.dlspark.run.CodeVersion;
import org.dlspark.data.StratifiedSplit;
import org.dlspark.data.text.EmailCorpus;
import org.dlspark.data.text.LabelledText;
import org.dlspark.data.text.Vocabulary;
import org.dlspark.io.HadoopOutputFolder;
import org.dlspark.io.Json;
import org.dlspark.shard.Example;
import org.dlspark.shard.ExampleShape;
import org.dlspark.shard.Manifest;
import org.dlspark.shard.ShardWriter;
import org.dlspark.spark.SparkContexts;
import org.dlspark.train.ProgressPrinter;
import scala.Tuple2;

/**
 * The {@code preprocess} job: reads raw images or texts on Spark, normalises or tokenises them, splits them
 * (stratified, seeded) into train, validation and test, and writes each split as balanced shard files of DL4J
 * minibatches, with {@code manifest.json} (and {@code vocabulary.txt} for texts). The input is checked before any
 * output is made; the output is written under a temporary name and renamed when complete.
 */
public final class PreprocessJob {

    /** Where the examples went and what describes them, before shards are written. */
    private record Prepared(Map<StratifiedSplit.Part, JavaRDD<Example>> parts, List<String> classes,
            long[] featureShape, boolean masked, Manifest.Normaliser normaliser, Vocabulary vocabulary) {
    }

    /** What a finished run wrote and how fast. */
    public record Outcome(String output, long examples, double wallSeconds) {
    }

    private final PreprocessSettings settings;
    private final List<String> imageClasses;
    private final String master;
    private final PrintStream out;

    /**
     * @param imageClasses for idx input: the class names, in label order
     * @param master the Spark master, or null for spark-submit's or local mode
     */
    public PreprocessJob(PreprocessSettings settings, List<String> imageClasses, String master, PrintStream out) {
        this.settings = settings;
        this.imageClasses = imageClasses;
        this.master = master;
        this.out = out;
    }

    /** Runs the job in a Spark application of its own. */
    public Outcome run() throws IOException {
        Inputs inputs = inputs();
        try (HadoopOutputFolder output = HadoopOutputFolder.start(settings.output(), "--output",
                settings.overwrite());
                JavaSparkContext spark = SparkContexts.start("dlspark preprocess " + settings.format().option(),
                        master)) {
            return run(spark, output, inputs);
        }
    }

    /** Runs the job in {@code spark}, an application started for other work too (a training run's). */
    public Outcome run(JavaSparkContext spark) throws IOException {
        Inputs inputs = inputs();
        try (HadoopOutputFolder output = HadoopOutputFolder.start(settings.output(), "--output",
                settings.overwrite())) {
            return run(spark, output, inputs);
        }
    }

    /** The input files of one format: IDX file pairs, or text or image files. */
    private record Inputs(List<ImageSource.FilePair> idxFiles, List<InputFile> files) {
        List<DataChecksum.SourceFile> sources() {
            return sourceFiles(idxFiles, files);
        }
    }

    /** The input files, each checked to exist. */
    private Inputs inputs() {
        InputFormat format = settings.format();
        return switch (format) {
            case IDX -> new Inputs(ImageSource.pairs(settings.input()), null);
            case IMAGES -> new Inputs(null, ImageFolderSource.files(settings.input()));
            case EMAILS, TEXTS -> new Inputs(null, TextSource.files(format, settings.input()));
        };
    }

    private Outcome run(JavaSparkContext spark, HadoopOutputFolder output, Inputs inputs) throws IOException {
        long start = System.nanoTime();
        InputFormat format = settings.format();
        List<DataChecksum.SourceFile> sources = inputs.sources();
        int partitions = settings.partitions() > 0 ? settings.partitions() : spark.defaultParallelism();
        out.printf(Locale.ROOT, "preprocessing %s (%s, %d files) on %s, %d partitions, %d shards per split%n",
                settings.input(), format.option(), sources.size(), spark.master(), partitions, settings.shards());
        Prepared prepared = switch (format) {
            case IDX -> prepareImages(spark, inputs.idxFiles(), partitions);
            case IMAGES -> prepareFolderImages(spark, inputs.files(), partitions);
            case EMAILS, TEXTS -> prepareTexts(spark, inputs.files(), partitions);
        };
        ExampleShape shape = new ExampleShape(prepared.featureShape(), prepared.masked(),
                prepared.classes().size());
        Map<String, Manifest.Split> splits = new LinkedHashMap<>();
        long examples = 0;
        for (Map.Entry<StratifiedSplit.Part, JavaRDD<Example>> part : prepared.parts().entrySet()) {
            String name = part.getKey().name().toLowerCase(Locale.ROOT);
            Map<String, String> shards = ShardWriter.write(part.getValue(), output.resolve(name),
                    settings.shards(), settings.batchSize(), settings.seed(), shape, partitions);
            Map<String, String> checksums = new LinkedHashMap<>();
            shards.forEach((shard, sha) -> checksums.put(name + "/" + shard, sha));
            Manifest.Split split = describe(part.getValue(), prepared.classes(), checksums);
            splits.put(name, split);
            examples += split.examples();
            out.printf(Locale.ROOT, "  %-10s %,7d examples in %d shards%n", name, split.examples(), shards.size());
        }
        Manifest.VocabularyInfo vocabularyInfo = null;
        if (prepared.vocabulary() != null) {
            writeLines(output.resolve("vocabulary.txt"), prepared.vocabulary().tokens());
            vocabularyInfo = new Manifest.VocabularyInfo("vocabulary.txt", prepared.vocabulary().size(),
                    settings.minCount(), settings.maxLength());
        }
        Manifest manifest = new Manifest(format.option(), settings.input(), DataChecksum.of(sources),
                sources.size(), prepared.classes(), prepared.featureShape(), prepared.masked(), splits,
                prepared.normaliser(), vocabularyInfo, configuration(), "dlspark " + CodeVersion.current());
        writeLines(output.resolve(Manifest.FILE), List.of(Json.toPrettyText(manifest)));
        String location = output.commit();
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "preprocessed %,d records in %s (%.0f records/s) into %s%n", examples,
                ProgressPrinter.format(seconds), examples / seconds, location);
        return new Outcome(location, examples, seconds);
    }

    private Prepared prepareImages(JavaSparkContext spark, List<ImageSource.FilePair> files, int partitions) {
        JavaRDD<ImageSource.RawImage> images = ImageSource.read(spark, files, imageClasses.size(), partitions)
                .persist(StorageLevel.MEMORY_AND_DISK());
        List<Tuple2<String, Integer>> trainIds = images.filter(i -> !i.fromTestFiles())
                .map(i -> new Tuple2<>(i.id(), i.label())).collect();
        Broadcast<Map<String, StratifiedSplit.Part>> parts = spark.broadcast(assign(trainIds, 0));
        JavaRDD<ImageSource.RawImage> train = images.filter(i -> !i.fromTestFiles()
                && parts.value().get(i.id()) == StratifiedSplit.Part.TRAIN);
        Manifest.Normaliser normaliser = normaliser(train);
        double mean = normaliser.mean();
        double std = normaliser.std();
        JavaRDD<Example> examples = images.map(i -> new Example(i.id(), i.label(), normalise(i.pixels(), mean, std),
                null));
        Map<StratifiedSplit.Part, JavaRDD<Example>> byPart = new LinkedHashMap<>();
        int side = (int) Math.round(Math.sqrt(images.first().pixels().length));
        int copies = settings.augment();
        long seed = settings.seed();
        float background = (float) ((0 - mean) / std);
        byPart.put(StratifiedSplit.Part.TRAIN, examples.filter(e -> !e.id().startsWith("t10k/")
                && parts.value().get(e.id()) == StratifiedSplit.Part.TRAIN)
                .flatMap(e -> ImageShifts.withShiftedCopies(e, side, copies, seed, background).iterator()));
        byPart.put(StratifiedSplit.Part.VALIDATION, examples.filter(e -> !e.id().startsWith("t10k/")
                && parts.value().get(e.id()) == StratifiedSplit.Part.VALIDATION));
        byPart.put(StratifiedSplit.Part.TEST, examples.filter(e -> e.id().startsWith("t10k/")));
        return new Prepared(byPart, imageClasses, new long[] {1, side, side}, false, normaliser, null);
    }

    /**
     * A folder of class folders of image files, each resized to {@code --size}; grey unless a file holds colour.
     * Unreadable files fail the run, naming the first, or with {@code --skip-bad} are left out and counted.
     */
    private Prepared prepareFolderImages(JavaSparkContext spark, List<InputFile> files, int partitions) {
        List<String> classes = requireTwoClasses(files.stream().map(InputFile::label).distinct().sorted().toList());
        ImageSize size = settings.imageSize();
        JavaRDD<ImageFolderSource.DecodedImage> decoded = ImageFolderSource.read(spark, files, size.width(),
                size.height(), partitions).persist(StorageLevel.MEMORY_AND_DISK());
        List<ImageFolderSource.DecodedImage> bad = decoded.filter(image -> image.problem() != null).collect();
        if (!bad.isEmpty() && !settings.skipBad()) {
            throw new org.dlspark.data.DataFormatException(bad.get(0).file().uri() + ": " + bad.get(0).problem()
                    + (bad.size() > 1 ? " (and " + (bad.size() - 1) + " more unreadable files)" : "")
                    + "; --skip-bad leaves such files out");
        }
        if (!bad.isEmpty()) {
            out.printf(Locale.ROOT, "skipped %d unreadable files (--skip-bad), e.g. %s: %s%n", bad.size(),
                    bad.get(0).file().uri(), bad.get(0).problem());
        }
        JavaRDD<ImageFolderSource.DecodedImage> images = decoded.filter(image -> image.problem() == null);
        int channels = images.filter(ImageFolderSource.DecodedImage::colour).isEmpty() ? 1 : 3;
        JavaRDD<ImageSource.RawImage> raw = images.map(image -> new ImageSource.RawImage(image.file().id(), false,
                classes.indexOf(image.file().label()), ImageFolderSource.channels(image, channels)));
        List<Tuple2<String, Integer>> ids = raw.map(image -> new Tuple2<>(image.id(), image.label())).collect();
        Broadcast<Map<String, StratifiedSplit.Part>> parts = spark.broadcast(assign(ids,
                settings.effectiveTestFraction()));
        Manifest.Normaliser normaliser = normaliser(raw.filter(image -> parts.value().get(image.id())
                == StratifiedSplit.Part.TRAIN));
        double mean = normaliser.mean();
        double std = normaliser.std();
        Map<StratifiedSplit.Part, JavaRDD<Example>> byPart = new LinkedHashMap<>();
        for (StratifiedSplit.Part part : StratifiedSplit.Part.values()) {
            byPart.put(part, raw.filter(image -> parts.value().get(image.id()) == part)
                    .map(image -> new Example(image.id(), image.label(), normalise(image.pixels(), mean, std), null)));
        }
        return new Prepared(byPart, classes, new long[] {channels, size.height(), size.width()}, false, normaliser,
                null);
    }

    /**
     * {@code classes}, the classes found in the input.
     *
     * @throws org.dlspark.data.DataFormatException naming the input when there are fewer than two
     */
    private List<String> requireTwoClasses(List<String> classes) {
        if (classes.size() < 2) {
            throw new org.dlspark.data.DataFormatException(settings.input() + ": only one class (" + classes
                    + "); classification needs at least two");
        }
        return classes;
    }

    /** Pixel statistics of the training images: exact integer sums, so any partitioning gives the same values. */
    private Manifest.Normaliser normaliser(JavaRDD<ImageSource.RawImage> train) {
        if (settings.normalisation() == Normalisation.SCALE) {
            return new Manifest.Normaliser("scale", 0, 255);
        }
        long[] sums = train.map(i -> {
            long sum = 0;
            long squares = 0;
            for (byte b : i.pixels()) {
                int p = Byte.toUnsignedInt(b);
                sum += p;
                squares += (long) p * p;
            }
            return new long[] {sum, squares, i.pixels().length};
        }).reduce((a, b) -> new long[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]});
        double mean = (double) sums[0] / sums[2];
        double variance = (double) sums[1] / sums[2] - mean * mean;
        return new Manifest.Normaliser("standardise", mean, Math.sqrt(variance));
    }

    private static float[] normalise(byte[] pixels, double mean, double std) {
        float[] values = new float[pixels.length];
        for (int p = 0; p < pixels.length; p++) {
            values[p] = (float) ((Byte.toUnsignedInt(pixels[p]) - mean) / std);
        }
        return values;
    }

    private Prepared prepareTexts(JavaSparkContext spark, List<InputFile> files, int partitions) {
        boolean email = settings.format() == InputFormat.EMAILS;
        JavaRDD<LabelledText> texts = TextSource.read(spark, settings.format(), files, partitions)
                .persist(StorageLevel.MEMORY_AND_DISK());
        List<String> classes = email ? EmailCorpus.CLASS_NAMES : texts.map(LabelledText::label).distinct().collect()
                .stream().sorted().toList();
        requireTwoClasses(classes);
        Broadcast<List<String>> classNames = spark.broadcast(classes);
        JavaRDD<TextEncoder.Tokenised> tokenised = texts.map(t -> TextEncoder.tokenise(t.id(),
                classNames.value().indexOf(t.label()), t.text(), email)).persist(StorageLevel.MEMORY_AND_DISK());
        List<Tuple2<String, Integer>> ids = tokenised.map(t -> new Tuple2<>(t.id(), t.label())).collect();
        Broadcast<Map<String, StratifiedSplit.Part>> parts = spark.broadcast(assign(ids,
                settings.effectiveTestFraction()));
        Vocabulary vocabulary = TextEncoder.vocabulary(tokenised.filter(t -> parts.value().get(t.id())
                == StratifiedSplit.Part.TRAIN), settings.minCount(), settings.maxVocabulary());
        Broadcast<Vocabulary> shared = spark.broadcast(vocabulary);
        int maxLength = settings.maxLength();
        Map<StratifiedSplit.Part, JavaRDD<Example>> byPart = new LinkedHashMap<>();
        for (StratifiedSplit.Part part : StratifiedSplit.Part.values()) {
            byPart.put(part, tokenised.filter(t -> parts.value().get(t.id()) == part)
                    .map(t -> TextEncoder.encode(t, shared.value(), maxLength)));
        }
        return new Prepared(byPart, classes, new long[] {maxLength}, true, null, vocabulary);
    }

    /** The part of every (id, label), stratified by label. */
    private Map<String, StratifiedSplit.Part> assign(List<Tuple2<String, Integer>> idLabels, double testFraction) {
        Map<StratifiedSplit.Part, List<Tuple2<String, Integer>>> split = new StratifiedSplit(
                settings.validationFraction(), testFraction, settings.seed())
                .apply(idLabels, Tuple2::_1, t -> Integer.toString(t._2()));
        Map<String, StratifiedSplit.Part> parts = new java.util.HashMap<>();
        split.forEach((part, members) -> members.forEach(m -> parts.put(m._1(), part)));
        return parts;
    }

    private static Manifest.Split describe(JavaRDD<Example> part, List<String> classes, Map<String, String> shards) {
        Map<Integer, Long> counts = part.map(Example::label).countByValue();
        Map<String, Long> perClass = new LinkedHashMap<>();
        long total = 0;
        for (int c = 0; c < classes.size(); c++) {
            long count = counts.getOrDefault(c, 0L);
            perClass.put(classes.get(c), count);
            total += count;
        }
        return new Manifest.Split(total, perClass, List.copyOf(shards.keySet()), shards);
    }

    private static List<DataChecksum.SourceFile> sourceFiles(List<ImageSource.FilePair> images,
            List<InputFile> inputFiles) {
        List<DataChecksum.SourceFile> files = new ArrayList<>();
        if (images != null) {
            for (ImageSource.FilePair pair : images) {
                files.add(new DataChecksum.SourceFile(new Path(pair.images()).getName(), pair.images()));
                files.add(new DataChecksum.SourceFile(new Path(pair.labels()).getName(), pair.labels()));
            }
        } else {
            inputFiles.forEach(f -> files.add(new DataChecksum.SourceFile(f.id(), f.uri())));
        }
        return files;
    }

    private static void writeLines(String uri, List<String> lines) throws IOException {
        Path path = new Path(uri);
        try (OutputStream stream = HadoopOutputFolder.fileSystem(path).create(path, false)) {
            stream.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The settings that shape the output. */
    private Manifest.Configuration configuration() {
        return new Manifest.Configuration(settings.shards(), settings.validationFraction(),
                settings.effectiveTestFraction(), settings.seed(), settings.normalisation().option(),
                settings.minCount(), settings.maxVocabulary(), settings.maxLength(), settings.batchSize(),
                settings.augment());
    }
}
