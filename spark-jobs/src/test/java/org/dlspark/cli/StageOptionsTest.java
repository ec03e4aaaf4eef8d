package org.dlspark.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.dlspark.train.InvalidSettingException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class StageOptionsTest {

    @Test
    void stageOptionsBecomeTheCommandsArguments() {
        String[] args = StageOptions.of(Map.of("epochs", 5, "hp.learningRate", 0.002, "resume", false,
                "verbose", true), "--model", "cnn");
        assertArrayEquals(new String[] {"--model", "cnn", "--epochs", "5", "--hp", "learningRate=0.002",
            "--verbose"}, args);
    }

    @Test
    void theTrainCommandChecksAStagesOptionsAsItChecksItsOwn() {
        CommandStageJobs jobs = new CommandStageJobs();
        assertEquals("--epochs: must be at least 1, got 0", assertThrows(InvalidSettingException.class,
                () -> jobs.train(Map.of("epochs", 0), "cnn", "data", "out", false, null, System.out))
                .getMessage());
        CommandLine.ParameterException unknown = assertThrows(CommandLine.ParameterException.class,
                () -> jobs.train(Map.of("colour", "red"), "cnn", "data", "out", false, null, System.out));
        assertTrue(unknown.getMessage().contains("--colour"), unknown.getMessage());
    }
}
