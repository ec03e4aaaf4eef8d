package org.dlspark.registry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.dlspark.data.DataFiles;
import org.dlspark.data.DataFormatException;
import org.dlspark.io.HadoopOutputFolder;
import org.dlspark.io.Json;
import org.dlspark.run.RunInfo;
import org.dlspark.train.InvalidSettingException;
import org.dlspark.train.TrainJob;

/**
 * A model registry on any Hadoop file system. Layout under its root:
 * <pre>
 * NAME/versions/v0001/   model.zip, run.json, metrics.json (+ vocabulary.txt), version.json
 * NAME/aliases/ALIAS/000001.json   one file per move of the alias; the highest is current
 * </pre>
 * Everything is written under a hidden temporary name and renamed into place, so a process killed while registering
 * or promoting leaves no half-written version or alias: readers skip hidden names.
 */
public final class ModelRegistry {

    /** The file describing a version inside its folder. */
    public static final String VERSION_FILE = "version.json";

    private static final Pattern VERSION_FOLDER = Pattern.compile("v(\\d{4,})");
    private static final Pattern ALIAS_FILE = Pattern.compile("(\\d{6,})\\.json");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final List<String> COPIED = List.of(TrainJob.MODEL_FILE, RunInfo.FILE, TrainJob.METRICS_FILE,
            RunInfo.VOCABULARY_FILE);

    /** The figures of a run's {@code metrics.json} a version records: a classifier's, or the autoencoder's. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record TestFigures(Double accuracy, Double denoisedPsnr) {
    }

    private final FileSystem fs;
    private final Path root;

    /** The registry rooted at {@code uri} (created on first registration). */
    public ModelRegistry(String uri) {
        try {
            Path path = new Path(uri);
            this.fs = HadoopOutputFolder.fileSystem(path);
            this.root = fs.makeQualified(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the registry " + uri, e);
        }
    }

    /** The registered model names, sorted. */
    public List<String> names() throws IOException {
        if (!fs.exists(root)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (FileStatus status : fs.listStatus(root)) {
            if (status.isDirectory() && NAME.matcher(status.getPath().getName()).matches()) {
                names.add(status.getPath().getName());
            }
        }
        names.sort(null);
        return names;
    }

    /** The versions of {@code name}, oldest first. */
    public List<RegistryVersion> versions(String name) throws IOException {
        List<RegistryVersion> versions = new ArrayList<>();
        for (int n : versionNumbers(name)) {
            versions.add(version(name, n));
        }
        return versions;
    }

    /**
     * Version {@code n} of {@code name}.
     *
     * @throws InvalidSettingException naming {@code --version} when there is none
     */
    public RegistryVersion version(String name, int n) throws IOException {
        Path file = new Path(versionFolder(name, n), VERSION_FILE);
        if (!fs.exists(file)) {
            throw new InvalidSettingException("--version", name + " has no version " + n + " in " + root);
        }
        return read(file, RegistryVersion.class);
    }

    /** The folder of version {@code n} of {@code name}, a Hadoop path that model-reading jobs accept. */
    public String location(String name, int n) {
        return versionFolder(name, n).toString();
    }

    /**
     * Registers the run folder {@code run} as the next version of {@code name}.
     *
     * @throws DataFormatException naming the file when the run folder lacks one a model needs
     */
    public RegistryVersion register(String name, String run) throws IOException {
        if (!NAME.matcher(name).matches()) {
            throw new InvalidSettingException("--name", "'" + name + "' is not a valid model name (letters, digits, "
                    + ". _ -)");
        }
        Path source = new Path(run);
        FileSystem sourceFs = HadoopOutputFolder.fileSystem(source);
        source = sourceFs.makeQualified(source);
        RunInfo info = RunInfo.read(source.toString());
        TestFigures metrics = read(new Path(source, TrainJob.METRICS_FILE), TestFigures.class);
        Path versions = new Path(new Path(root, name), "versions");
        fs.mkdirs(versions);
        Path staging = new Path(versions, ".register-" + UUID.randomUUID() + ".partial");
        try {
            fs.mkdirs(staging);
            for (String file : COPIED) {
                Path from = new Path(source, file);
                if (sourceFs.exists(from)) {
                    FileUtil.copy(sourceFs, from, fs, new Path(staging, file), false, fs.getConf());
                } else if (!file.equals(RunInfo.VOCABULARY_FILE)) {
                    throw new DataFormatException(from + ": missing; cannot register " + source);
                }
            }
            while (true) {
                int next = versionNumbers(name).stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
                RegistryVersion version = new RegistryVersion(name, next, info.model(), source.toString(),
                        metrics.accuracy(), metrics.denoisedPsnr(), info.dataChecksum(), info.codeVersion(),
                        Instant.now().toString());
                write(new Path(staging, VERSION_FILE), version);
                Path target = versionFolder(name, next);
                if (!fs.exists(target) && fs.rename(staging, target)) {
                    return version;
                }
            }
        } finally {
            if (fs.exists(staging)) {
                fs.delete(staging, true);
            }
        }
    }

    /** Where {@code alias} of {@code name} points now, if anywhere. */
    public Optional<AliasRecord> alias(String name, String alias) throws IOException {
        List<Integer> moves = aliasNumbers(name, alias);
        if (moves.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(read(aliasFile(name, alias, moves.get(moves.size() - 1)), AliasRecord.class));
    }

    /** Points {@code alias} of {@code name} to {@code version}, recording {@code reason}. */
    public AliasRecord moveAlias(String name, String alias, int version, String reason) throws IOException {
        if (!NAME.matcher(alias).matches()) {
            throw new InvalidSettingException("--alias", "'" + alias + "' is not a valid alias");
        }
        version(name, version);
        Path folder = new Path(new Path(new Path(root, name), "aliases"), alias);
        fs.mkdirs(folder);
        while (true) {
            List<Integer> moves = aliasNumbers(name, alias);
            int next = moves.isEmpty() ? 1 : moves.get(moves.size() - 1) + 1;
            int previous = alias(name, alias).map(AliasRecord::version).orElse(0);
            AliasRecord record = new AliasRecord(alias, version, previous, reason, Instant.now().toString());
            Path temporary = new Path(folder, "." + UUID.randomUUID() + ".tmp");
            write(temporary, record);
            Path target = aliasFile(name, alias, next);
            if (!fs.exists(target) && fs.rename(temporary, target)) {
                return record;
            }
            fs.delete(temporary, false);
        }
    }

    private List<Integer> versionNumbers(String name) throws IOException {
        return numbered(new Path(new Path(root, name), "versions"), VERSION_FOLDER, true);
    }

    private List<Integer> aliasNumbers(String name, String alias) throws IOException {
        return numbered(new Path(new Path(new Path(root, name), "aliases"), alias), ALIAS_FILE, false);
    }

    private List<Integer> numbered(Path folder, Pattern pattern, boolean directories) throws IOException {
        if (!fs.exists(folder)) {
            return List.of();
        }
        List<Integer> numbers = new ArrayList<>();
        for (FileStatus status : fs.listStatus(folder)) {
            Matcher matcher = pattern.matcher(status.getPath().getName());
            if (matcher.matches() && status.isDirectory() == directories) {
                numbers.add(Integer.parseInt(matcher.group(1)));
            }
        }
        numbers.sort(Comparator.naturalOrder());
        return numbers;
    }

    private Path versionFolder(String name, int n) {
        return new Path(new Path(new Path(root, name), "versions"), RegistryVersion.folderName(n));
    }

    private Path aliasFile(String name, String alias, int n) {
        return new Path(new Path(new Path(new Path(root, name), "aliases"), alias), String.format("%06d.json", n));
    }

    private void write(Path file, Object value) throws IOException {
        try (OutputStream out = fs.create(file, true)) {
            out.write(Json.toPrettyText(value).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static <T> T read(Path file, Class<T> type) {
        return DataFiles.readJson(file.toString(), type, "registry record");
    }
}
