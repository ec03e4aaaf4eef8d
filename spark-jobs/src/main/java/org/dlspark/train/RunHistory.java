package org.dlspark.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dlspark.io.Json;

/** A run's {@code metrics.jsonl}: one JSON line per finished epoch, appended as the run goes. */
public final class RunHistory {

    private final Path file;

    public RunHistory(Path file) {
        this.file = file;
    }

    /** Adds the line of a finished epoch. */
    public void append(EpochReport report) {
        try {
            Json.appendLine(file, report);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Empties the history, for a run that starts afresh. */
    public void clear() throws IOException {
        Files.deleteIfExists(file);
    }

    /**
     * The epochs of an interrupted run up to {@code epochs}, its checkpoint's; later lines (epochs fitted after the
     * checkpoint, which are trained again) are dropped from the file.
     *
     * @throws IllegalStateException when the file lacks some of those epochs
     */
    public List<EpochReport> truncateTo(int epochs) throws IOException {
        List<EpochReport> kept = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                EpochReport report = line.isBlank() ? null : Json.parse(line, EpochReport.class);
                if (report != null && report.epoch() <= epochs) {
                    kept.add(report);
                }
            }
        }
        if (kept.size() != epochs) {
            throw new IllegalStateException(file + " holds " + kept.size() + " epochs up to the checkpoint's "
                    + epochs + "; the interrupted run cannot be continued");
        }
        clear();
        kept.forEach(this::append);
        return kept;
    }
}
