package org.dlspark.data.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dlspark.data.DataFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmailCorpusTest {

    @TempDir
    Path root;

    private void write(String relative, byte[] content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    private void write(String relative, String content) throws IOException {
        write(relative, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsRawAndJsonEmailsWithTheLabelOfTheirFolder() throws IOException {
        write("easy_ham/0001.raw", "Subject: hi\n\nlunch?");
        write("spam-2/0002.txt", "Subject: WIN\n\n\u00a3 money");
        write("spam-2/0002.json", "{\"id\":\"0002\",\"text\":\"Subject: WIN\\n\\n\u00a3 money\"}");
        write("notes/readme", "not a class folder");
        List<LabelledText> emails = EmailCorpus.read(root.toString());
        assertEquals(List.of(new LabelledText("easy_ham/0001.raw", "ham", "Subject: hi\n\nlunch?"),
                new LabelledText("spam-2/0002.json", "spam", "Subject: WIN\n\n\u00a3 money")), emails);
    }

    @Test
    void aNonUtf8EmailIsRefusedByName() throws IOException {
        write("ham/1", "Subject: ok\n\nfine");
        write("spam/2", new byte[] {'S', ':', ' ', (byte) 0xa3, '5'});
        DataFormatException e = assertThrows(DataFormatException.class, () -> EmailCorpus.read(root.toString()));
        assertTrue(e.getMessage().contains("spam/2: not UTF-8 text"), e.getMessage());
    }

    @Test
    void aClassWithoutEmailsIsRefused() throws IOException {
        write("ham/1", "Subject: ok\n\nfine");
        Files.createDirectories(root.resolve("spam"));
        DataFormatException e = assertThrows(DataFormatException.class, () -> EmailCorpus.read(root.toString()));
        assertTrue(e.getMessage().endsWith("class 'spam' has no emails"), e.getMessage());
    }

    @Test
    void anEmptyFolderOrEmptyEmailIsRefused() throws IOException {
        DataFormatException empty = assertThrows(DataFormatException.class,
                () -> EmailCorpus.read(root.toString()));
        assertTrue(empty.getMessage().contains("no class folder"), empty.getMessage());
        write("ham/1", "");
        write("spam/2", "Subject: x\n\ny");
        DataFormatException blank = assertThrows(DataFormatException.class,
                () -> EmailCorpus.read(root.toString()));
        assertTrue(blank.getMessage().contains("ham/1: empty email"), blank.getMessage());
    }

    @Test
    void aMissingFolderIsRefused() {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> EmailCorpus.read(root.resolve("absent").toString()));
        assertTrue(e.getMessage().endsWith("absent: no such folder"), e.getMessage());
    }
}
