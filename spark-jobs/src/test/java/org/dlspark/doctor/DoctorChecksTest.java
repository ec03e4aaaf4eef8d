package org.dlspark.doctor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorChecksTest {

    @TempDir
    Path dir;

    @Test
    void javaNamesAPackageTheJvmOptionsOpenButThisJvmDoesNot() throws Exception {
        Path options = dir.resolve("jvm.options");
        Files.writeString(options, "--add-opens=java.base/java.lang=ALL-UNNAMED\n");
        assertTrue(JavaCheck.check(options).passed(), JavaCheck.check(options).toString());
        Files.writeString(options, "--add-opens=java.base/java.lang=ALL-UNNAMED\n"
                + "--add-opens=java.base/java.text=ALL-UNNAMED\n");
        Verdict closed = JavaCheck.check(options);
        assertFalse(closed.passed());
        assertTrue(closed.finding().endsWith("not opened to Spark and ND4J: java.base/java.text"), closed.finding());
        assertTrue(closed.advice().contains("--add-opens"), closed.advice());
    }

    @Test
    void outputTakesAWritableFolderAndRefusesAFile() throws Exception {
        assertTrue(OutputCheck.check(dir.resolve("runs/new").toString()).passed());
        Path file = Files.writeString(dir.resolve("taken"), "x");
        Verdict refused = OutputCheck.check(file.toString());
        assertFalse(refused.passed());
        assertTrue(refused.finding().contains("is a file"), refused.finding());
        Verdict below = OutputCheck.check(file.resolve("run").toString());
        assertFalse(below.passed());
        assertTrue(below.finding().startsWith("cannot write in "), below.finding());
    }

    @Test
    void dataNamesTheMissingFolder() {
        Verdict missing = DataCheck.check(dir.resolve("nothing").toString(), "cnn");
        assertFalse(missing.passed());
        assertTrue(missing.finding().contains(dir.resolve("nothing").toString()), missing.finding());
    }

    @Test
    void aFailedVerdictPrintsItsAdviceOnItsOwnLine() {
        Verdict verdict = Verdict.fail("udp", "blocked", "open the port");
        assertTrue(verdict.lines().get(0).matches("FAIL +udp +blocked"), verdict.lines().toString());
        assertTrue(verdict.lines().get(1).endsWith("-> open the port"), verdict.lines().toString());
    }
}
