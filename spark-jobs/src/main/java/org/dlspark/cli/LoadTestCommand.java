package org.dlspark.cli;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dlspark.data.IdxImages;
import org.dlspark.fetch.DataDirectory;
import org.dlspark.data.IdxReader;
import org.dlspark.model.PngImages;
import org.dlspark.serve.LoadTest;
import org.dlspark.train.InvalidSettingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dlspark load-test}: loads a running image-model server with Fashion-MNIST test images as PNG. */
@Command(name = "load-test", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Sends POST /predict requests to a running 'dlspark serve' of an image model, the first 1,000 "
            + "test images of an IDX file as PNG in turn, from several clients at once, and prints requests/s, "
            + "latency percentiles and failed requests.")
final class LoadTestCommand implements Callable<Integer> {

    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080/predict",
            description = "The server's predict URL.")
    private URI url;

    @Option(names = "--images", paramLabel = "FILE",
            description = "An IDX image file. Default: the fetched Fashion-MNIST test images.")
    private String images;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "20000", description = "Requests in all.")
    private int requests;

    @Option(names = "--concurrency", paramLabel = "C", defaultValue = "8", description = "Clients at once.")
    private int concurrency;

    @Override
    public Integer call() throws Exception {
        InvalidSettingException.atLeast("--requests", requests, 1);
        InvalidSettingException.atLeast("--concurrency", concurrency, 1);
        String file = images != null ? images
                : DataDirectory.defaultPath().resolve("fashion-mnist/t10k-images-idx3-ubyte.gz").toString();
        IdxImages idx = IdxReader.readImages(file);
        List<byte[]> bodies = new ArrayList<>();
        int pixels = idx.pixelsPerImage();
        for (int i = 0; i < Math.min(1000, idx.count()); i++) {
            byte[] image = java.util.Arrays.copyOfRange(idx.pixels(), i * pixels, (i + 1) * pixels);
            bodies.add(PngImages.png(image, idx.rows(), idx.cols()));
        }
        LoadTest.Result result = LoadTest.run(url, "image/png", bodies, requests, concurrency, System.out);
        return result.failures() == 0 ? 0 : 1;
    }
}
