package org.dlspark.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.dlspark.data.DataFormatException;
import org.dlspark.model.ModelInputs;
import org.dlspark.model.RunFolders;
import org.dlspark.model.TrainedModel;

/**
 * Random bodies and content types for {@code POST /predict}: every request ends, within a bound, in an input for
 * the model, a 400 (DataFormatException) or a 413 (TooLargeException); never a hang or another exception.
 */
class RequestDecoderPropertiesTest {

    private static final int MAX_BODY = 4096;
    private static Path folder;
    private static RequestDecoder decoder;

    @BeforeContainer
    static void model() throws Exception {
        folder = Files.createTempDirectory("decoder");
        decoder = new RequestDecoder(ModelInputs.of(TrainedModel.load(RunFolders.tinyCnn(folder.resolve("run"), 0.5, 1)
                .toString())), MAX_BODY);
    }

    @AfterContainer
    static void removeModel() throws Exception {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of("image/png", "application/json", "application/json; charset=utf-8", "text/plain",
                "", "image/gif");
    }

    @Property(tries = 500)
    void everyBodyEndsInAnInputOrAClientError(@ForAll @Size(max = 6000) byte[] body,
            @ForAll("contentTypes") String type) {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            try {
                RequestDecoder.Input input = decoder.decode(type, Integer.toString(body.length),
                        new ByteArrayInputStream(body));
                assertEquals(784, input.image().length);
            } catch (DataFormatException | RequestDecoder.TooLargeException e) {
                // a 400 or a 413 with this message
            }
        });
    }

    @Property(tries = 200)
    void jsonPixelArraysEndInAnInputOrAClientError(@ForAll @Size(max = 900) java.util.List<@From("pixels") Double> pixels) {
        byte[] body = ("{\"pixels\": " + pixels + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            try {
                decoder.decode("application/json", null, new ByteArrayInputStream(body));
            } catch (DataFormatException | RequestDecoder.TooLargeException e) {
                // a 400 or a 413 with this message
            }
        });
    }

    @Provide
    Arbitrary<Double> pixels() {
        return Arbitraries.doubles().between(-10, 300);
    }
}
