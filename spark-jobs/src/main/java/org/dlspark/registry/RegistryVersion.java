package org.dlspark.registry;

/**
 * One registered model version, {@code version.json} in its folder: where it came from and what it is.
 *
 * @param name the registered model's name
 * @param version its number, from 1
 * @param model the zoo family
 * @param source the run folder it was registered from
 * @param testAccuracy the test accuracy its run measured (metrics.json)
 * @param dataChecksum the checksum of the data it trained on
 * @param codeVersion the DLSpark build that trained it
 * @param registered when it was registered, ISO-8601
 */
public record RegistryVersion(String name, int version, String model, String source, double testAccuracy,
        String dataChecksum, String codeVersion, String registered) {

    /** The folder name of version {@code n}: {@code v0007}. */
    public static String folderName(int n) {
        return String.format("v%04d", n);
    }
}
