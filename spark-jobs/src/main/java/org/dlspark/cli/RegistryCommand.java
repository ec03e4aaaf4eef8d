package org.dlspark.cli;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dlspark.io.Json;
import org.dlspark.registry.AliasRecord;
import org.dlspark.registry.ModelRegistry;
import org.dlspark.registry.Promotion;
import org.dlspark.registry.RegistryVersion;
import org.dlspark.run.RunInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dlspark registry}: lists, shows, registers and promotes model versions in a registry on a Hadoop path. */
@Command(name = "registry", mixinStandardHelpOptions = true,
        description = "A model registry on any Hadoop path: each version keeps the model, its metrics, run "
            + "description (configuration, data checksum, code version). The alias 'production' moves only when the "
            + "candidate beats the current production model on the same test set.",
        subcommands = {RegistryCommand.ListVersions.class, RegistryCommand.Show.class, RegistryCommand.Register.class,
            RegistryCommand.Promote.class})
final class RegistryCommand {

    /** The option every registry command takes. */
    static final class Location {
        @Option(names = "--registry", paramLabel = "URI",
                description = "The registry's root, any Hadoop path. Default: registry/ under DLSpark's home.")
        private String uri;

        ModelRegistry open() {
            return new ModelRegistry(uri != null ? uri : Defaults.home().resolve("registry").toString());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the versions, with their test "
            + "accuracy and the aliases pointing at them.")
    static final class ListVersions implements Callable<Integer> {
        @Mixin
        private Location location;

        @Option(names = "--name", paramLabel = "NAME", description = "Only this registered model.")
        private String name;

        @Override
        public Integer call() throws Exception {
            ModelRegistry registry = location.open();
            List<String> names = name != null ? List.of(name) : registry.names();
            System.out.printf(Locale.ROOT, "%-16s %7s  %-12s %9s  %-10s  %-26s %s%n", "name", "version", "model",
                    "score", "alias", "registered", "code");
            for (String model : names) {
                Optional<AliasRecord> production = registry.alias(model, Promote.PRODUCTION);
                for (RegistryVersion v : registry.versions(model)) {
                    boolean current = production.isPresent() && production.get().version() == v.version();
                    System.out.printf(Locale.ROOT, "%-16s %7d  %-12s %9s  %-10s  %-26s %s%n", model, v.version(),
                            v.model(), v.describeScore(), current ? Promote.PRODUCTION : "", v.registered(),
                            v.codeVersion());
                }
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Prints one version: its record, run "
            + "description and location.")
    static final class Show implements Callable<Integer> {
        @Mixin
        private Location location;

        @Option(names = "--name", paramLabel = "NAME", required = true, description = "Registered model.")
        private String name;

        @Option(names = "--version", paramLabel = "N", required = true, description = "Version number.")
        private int version;

        @Override
        public Integer call() throws Exception {
            ModelRegistry registry = location.open();
            System.out.println(Json.toPrettyText(registry.version(name, version)));
            System.out.println(Json.toPrettyText(RunInfo.read(registry.location(name, version))));
            System.out.println("location: " + registry.location(name, version));
            return 0;
        }
    }

    @Command(name = "register", mixinStandardHelpOptions = true, description = "Copies a run folder into the "
            + "registry as the next version. A killed registration leaves no version behind.")
    static final class Register implements Callable<Integer> {
        @Mixin
        private Location location;

        @Option(names = "--run", paramLabel = "DIR", required = true,
                description = "Run folder written by 'dlspark train' (any Hadoop path).")
        private String run;

        @Option(names = "--name", paramLabel = "NAME", description = "Registered model name. Default: the run's "
                + "model family.")
        private String name;

        @Override
        public Integer call() throws Exception {
            String registered = name != null ? name : RunInfo.read(run).model();
            RegistryVersion version = location.open().register(registered, run);
            System.out.printf(Locale.ROOT, "registered %s as %s version %d (test score %s)%n", run,
                    version.name(), version.version(), version.describeScore());
            return 0;
        }
    }

    @Command(name = "promote", mixinStandardHelpOptions = true, description = {"Moves an alias (default "
            + "'production') to a version when it beats the alias's current version on the same test set, "
            + "evaluated over Spark; otherwise refuses and says by how much it fell short.",
            "Exit status: 0 promoted, 3 refused, 1 error."})
    static final class Promote implements Callable<Integer> {
        static final String PRODUCTION = "production";

        @Mixin
        private Location location;

        @Option(names = "--name", paramLabel = "NAME", required = true, description = "Registered model.")
        private String name;

        @Option(names = "--version", paramLabel = "N", required = true, description = "Candidate version.")
        private int version;

        @Option(names = "--alias", paramLabel = "A", defaultValue = PRODUCTION, showDefaultValue =
                picocli.CommandLine.Help.Visibility.ALWAYS, description = "Alias to move.")
        private String alias;

        @Option(names = "--data", paramLabel = "URI",
                description = "Data whose test split judges both models. Default: the candidate's training data.")
        private String data;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "" + Integer.MAX_VALUE,
                showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER,
                description = "Judge on the first N test examples only. Default: all.")
        private int limit;

        @Option(names = "--min-gain", paramLabel = "G", defaultValue = "0", showDefaultValue =
                picocli.CommandLine.Help.Visibility.ALWAYS,
                description = "The candidate's score must exceed the current one's by more than G (accuracy; dB "
                        + "of PSNR for the autoencoder).")
        private double minGain;

        @Mixin
        private SparkOptions spark;

        @Override
        public Integer call() throws Exception {
            Promotion.Result result = promotion().run();
            System.out.println(result.message());
            return result.outcome() == Promotion.Outcome.REFUSED ? 3 : 0;
        }

        /** The promotion these options describe. */
        Promotion promotion() {
            return new Promotion(location.open(), new Promotion.Settings(name, version, alias, data, limit, minGain,
                    spark.master, spark.workers));
        }
    }
}
