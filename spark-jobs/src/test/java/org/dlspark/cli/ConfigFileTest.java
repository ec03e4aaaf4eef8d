package org.dlspark.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ConfigFileTest {

    @TempDir
    Path dir;

    private final CommandLine commandLine = new CommandLine(new DlSpark());

    @Test
    void putsTheFilesOptionsBeforeTheCommandLines() throws Exception {
        Path conf = dir.resolve("train.conf");
        Files.writeString(conf, "# tuned\nmodel=cnn\nbatch=32\nhp.learningRate=0.002\nresume=false\n");
        String[] expanded = ConfigFile.expand(commandLine, new String[] {"train", "--conf", conf.toString(),
            "--batch", "16"});
        assertArrayEquals(new String[] {"train", "--batch", "32", "--hp", "learningRate=0.002", "--model", "cnn",
            "--conf", conf.toString(), "--batch", "16"}, expanded);
    }

    @Test
    void leavesCommandsWithoutConfAlone() {
        String[] args = {"zoo", "cnn"};
        assertArrayEquals(args, ConfigFile.expand(commandLine, args));
    }

    @Test
    void refusesUnknownKeysAndMissingFiles() throws Exception {
        Path conf = dir.resolve("bad.conf");
        Files.writeString(conf, "epochz=3\n");
        CommandLine.ParameterException unknown = assertThrows(CommandLine.ParameterException.class,
                () -> ConfigFile.expand(commandLine, new String[] {"train", "--conf=" + conf}));
        assertTrue(unknown.getMessage().contains(conf + ": unknown key 'epochz'"), unknown.getMessage());

        Files.writeString(conf, "resume=maybe\n");
        assertTrue(assertThrows(CommandLine.ParameterException.class, () -> ConfigFile.expand(commandLine,
                new String[] {"train", "--conf", conf.toString()})).getMessage().contains("true or false"));

        CommandLine.ParameterException missing = assertThrows(CommandLine.ParameterException.class,
                () -> ConfigFile.expand(commandLine, new String[] {"train", "--conf", dir.resolve("none").toString()}));
        assertTrue(missing.getMessage().contains("cannot read"), missing.getMessage());
    }

    @Test
    void theCommandLineWins() throws Exception {
        Path conf = dir.resolve("train.conf");
        Files.writeString(conf, "epochs=0\n");
        assertEquals(2, DlSpark.run("train", "--conf", conf.toString(), "--epochs", "x"));
    }
}
