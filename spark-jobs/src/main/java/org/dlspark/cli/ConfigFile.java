package org.dlspark.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A command's options from a properties file, {@code --conf FILE}: each {@code KEY=VALUE} is the long option
 * {@code --KEY VALUE} ({@code true}/{@code false} for switches), each {@code hp.NAME=VALUE} is {@code --hp NAME=VALUE}.
 * The file's options are put before the command line's, and a later option overrides an earlier one, so the command
 * line wins. Keys that name no option of the command are refused, naming the file and the key.
 */
final class ConfigFile {

    static final String OPTION = "--conf";
    private static final String HYPERPARAMETER_PREFIX = "hp.";

    private ConfigFile() {
    }

    /**
     * {@code args} with the options of the {@code --conf} file of its subcommand inserted after the subcommand's
     * name; {@code args} itself when it has no {@code --conf}.
     *
     * @throws CommandLine.ParameterException naming the file and key when the file is unreadable or a key unknown
     */
    static String[] expand(CommandLine root, String[] args) {
        if (args.length == 0 || !root.getSubcommands().containsKey(args[0])) {
            return args;
        }
        CommandLine command = root.getSubcommands().get(args[0]);
        if (command.getCommandSpec().findOption(OPTION) == null) {
            return args;
        }
        Path file = confFile(args);
        if (file == null) {
            return args;
        }
        List<String> expanded = new ArrayList<>();
        expanded.add(args[0]);
        expanded.addAll(options(command, file));
        expanded.addAll(Arrays.asList(args).subList(1, args.length));
        return expanded.toArray(String[]::new);
    }

    private static Path confFile(String[] args) {
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals(OPTION) && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith(OPTION + "=")) {
                return Path.of(args[i].substring(OPTION.length() + 1));
            }
        }
        return null;
    }

    private static List<String> options(CommandLine command, Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new CommandLine.ParameterException(command, OPTION + ": cannot read " + file + ": " + e.getMessage());
        }
        List<String> options = new ArrayList<>();
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            String value = properties.getProperty(key).trim();
            if (key.startsWith(HYPERPARAMETER_PREFIX)) {
                options.add("--hp");
                options.add(key.substring(HYPERPARAMETER_PREFIX.length()) + "=" + value);
                continue;
            }
            OptionSpec option = command.getCommandSpec().findOption("--" + key);
            if (option == null || key.equals(OPTION.substring(2)) || option.usageHelp() || option.versionHelp()) {
                throw new CommandLine.ParameterException(command, OPTION + " " + file + ": unknown key '" + key
                        + "' (keys are the long option names of '" + command.getCommandName() + "', and hp.NAME)");
            }
            if (option.arity().max() == 0) {
                if (!value.equals("true") && !value.equals("false")) {
                    throw new CommandLine.ParameterException(command, OPTION + " " + file + ": key '" + key
                            + "' is a switch: true or false, not '" + value + "'");
                }
                if (value.equals("true")) {
                    options.add("--" + key);
                }
            } else {
                options.add("--" + key);
                options.add(value);
            }
        }
        return options;
    }
}
