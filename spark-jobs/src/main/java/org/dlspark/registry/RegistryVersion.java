package org.dlspark.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Locale;

/**
 * One registered model version, {@code version.json} in its folder: where it came from and what it is.
 *
 * @param name the registered model's name
 * @param version its number, from 1
 * @param model the zoo family
 * @param source the run folder it was registered from
 * @param testAccuracy a classifier's test accuracy, as its run measured it ({@code metrics.json}); else null
 * @param testPsnr the autoencoder's denoised test PSNR in dB, as its run measured it; else null
 * @param dataChecksum the checksum of the data it trained on
 * @param codeVersion the DLSpark build that trained it
 * @param registered when it was registered, ISO-8601
 */
public record RegistryVersion(String name, int version, String model, String source,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double testAccuracy,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double testPsnr, String dataChecksum, String codeVersion,
        String registered) {

    /** The test score its run measured, as printed: {@code 0.8912}, {@code 16.66 dB}. */
    public String describeScore() {
        return testAccuracy != null ? String.format(Locale.ROOT, "%.4f", testAccuracy)
                : testPsnr != null ? String.format(Locale.ROOT, "%.2f dB", testPsnr) : "-";
    }

    /** The folder name of version {@code n}: {@code v0007}. */
    public static String folderName(int n) {
        return String.format("v%04d", n);
    }
}
