package org.dlspark.train.checkpoint;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.dlspark.fetch.Sha256;
import org.dlspark.io.Json;
import org.dlspark.train.Replica;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The checkpoints of a run: after each epoch, the model with its updater state and counters
 * ({@code epoch-NNNN.zip}, which also holds the networks that train beside the model's, such as the GAN's
 * discriminator, as entries of their own) and a record of it with its SHA-256 ({@code epoch-NNNN.json}). Each file is written under
 * a temporary name and renamed, the record after the model, so a record always describes a complete model file.
 * The last {@link #KEPT} checkpoints are kept, and the best model so far when early stopping is on. Loading takes the newest checkpoint whose model file matches its
 * checksum and reports any that does not.
 */
public final class Checkpoints {

    /** How many checkpoints are kept. */
    public static final int KEPT = 2;

    /** The best model so far, when early stopping watches a validation set. */
    public static final String BEST = "best.zip";

    /** A checkpoint and the networks restored from it. */
    public record Restored(Checkpoint checkpoint, Replica replica) {
    }

    /** The name under which the model file holds the {@code i}-th companion network. */
    private static String companionEntry(int i) {
        return "companion-" + i;
    }

    private final Path folder;
    private final PrintStream log;

    /**
     * @param folder where the checkpoints are
     * @param log where skipped (corrupt) checkpoints are reported
     */
    public Checkpoints(Path folder, PrintStream log) {
        this.folder = folder;
        this.log = log;
    }

    /** Writes the checkpoint of {@code replica} after {@code epoch} epochs and drops older ones. */
    public Checkpoint save(Replica replica, int epoch, long seed) throws IOException {
        Files.createDirectories(folder);
        String name = String.format(Locale.ROOT, "epoch-%04d", epoch);
        Path model = folder.resolve(name + ".zip");
        Path partial = folder.resolve(name + ".zip.tmp");
        ComputationGraph network = replica.model();
        ModelSerializer.writeModel(network, partial.toFile(), true);
        for (int i = 0; i < replica.companions().size(); i++) {
            ByteArrayOutputStream companion = new ByteArrayOutputStream();
            ModelSerializer.writeModel(replica.companions().get(i), companion, true);
            ModelSerializer.addObjectToFile(partial.toFile(), companionEntry(i), companion.toByteArray());
        }
        Files.move(partial, model, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Checkpoint checkpoint = new Checkpoint(epoch, network.getConfiguration().getIterationCount(), seed,
                model.getFileName().toString(), Sha256.of(model));
        Path record = folder.resolve(name + ".json");
        Path partialRecord = folder.resolve(name + ".json.tmp");
        Json.write(partialRecord, checkpoint);
        Files.move(partialRecord, record, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        List<Path> records = records();
        for (Path old : records.subList(Math.min(KEPT, records.size()), records.size())) {
            Files.deleteIfExists(folder.resolve(read(old).modelFile()));
            Files.delete(old);
        }
        return checkpoint;
    }

    /**
     * Writes the checkpoint of {@code replica} after {@code epoch} epochs, and keeps its model as the best so far
     * when {@code best} (early stopping found it so).
     */
    public Checkpoint save(Replica replica, int epoch, long seed, boolean best) throws IOException {
        if (best) {
            saveBest(replica.model());
        }
        return save(replica, epoch, seed);
    }

    /** Keeps {@code network} as the best model so far (early stopping), replacing the one before. */
    private void saveBest(ComputationGraph network) throws IOException {
        Files.createDirectories(folder);
        Path partial = folder.resolve(BEST + ".tmp");
        ModelSerializer.writeModel(network, partial.toFile(), false);
        Files.move(partial, folder.resolve(BEST), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The parameters of the best model so far; empty when none was kept. */
    public Optional<INDArray> bestParameters() throws IOException {
        Path best = folder.resolve(BEST);
        return Files.isRegularFile(best)
                ? Optional.of(ModelSerializer.restoreComputationGraph(best.toFile(), false).params())
                : Optional.empty();
    }

    /** The newest checkpoint whose model file is intact, restored; empty when there is none. */
    public Optional<Restored> latest() throws IOException {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        for (Path record : records()) {
            Checkpoint checkpoint = read(record);
            Path model = folder.resolve(checkpoint.modelFile());
            if (!Files.isRegularFile(model)) {
                log.printf("checkpoint %s: its model file %s is missing; trying an older one%n", record, model);
                continue;
            }
            String actual = Sha256.of(model);
            if (!actual.equals(checkpoint.sha256())) {
                log.printf("checkpoint %s: SHA-256 %s differs from the recorded %s (corrupt); trying an older one%n",
                        model, actual, checkpoint.sha256());
                continue;
            }
            return Optional.of(new Restored(checkpoint, restore(model)));
        }
        return Optional.empty();
    }

    /** The networks of the model file {@code model}: the model's, then its companions. */
    private static Replica restore(Path model) throws IOException {
        List<ComputationGraph> networks = new ArrayList<>();
        networks.add(ModelSerializer.restoreComputationGraph(model.toFile(), true));
        try (ZipFile zip = new ZipFile(model.toFile())) {
            for (int i = 0; zip.getEntry("objects/" + companionEntry(i)) != null; i++) {
                byte[] companion = ModelSerializer.getObjectFromFile(model.toFile(), companionEntry(i));
                networks.add(ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(companion), true));
            }
        }
        return new Replica(networks);
    }

    /** The checkpoint records, newest first. */
    private List<Path> records() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().matches("epoch-\\d{4}\\.json"))
                    .sorted(Comparator.comparing(Path::getFileName).reversed()).toList();
        }
    }

    private static Checkpoint read(Path record) throws IOException {
        return Json.parse(Files.readString(record), Checkpoint.class);
    }
}
