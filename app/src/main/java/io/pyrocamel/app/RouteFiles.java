package io.pyrocamel.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Resolves the route files given on the command line: each argument is a YAML file or a folder (all {@code *.yaml}
 * and {@code *.yml} directly inside it, in name order). Without arguments, {@code routes/default.yaml} relative to the
 * working directory.
 */
public final class RouteFiles {

    /** The route file loaded when no file is given on the command line. */
    public static final String DEFAULT_ROUTES = "routes/default.yaml";

    private RouteFiles() {
    }

    /**
     * @param  arguments          route files or folders (relative to the working directory or absolute)
     * @return                    absolute, normalized paths of the route files, in the order given
     * @throws StartupException with exit code 2 when a file or folder does not exist or a folder holds no route file
     */
    public static List<Path> resolve(List<String> arguments) {
        List<String> args = arguments.isEmpty() ? List.of(DEFAULT_ROUTES) : arguments;
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            Path path = Path.of(arg).toAbsolutePath().normalize();
            if (Files.isDirectory(path)) {
                List<Path> inFolder = yamlFilesIn(path);
                if (inFolder.isEmpty()) {
                    throw new StartupException("Route folder " + arg + " (" + path + ") holds no *.yaml or *.yml file",
                            null, PyrocamelApplication.EXIT_USAGE);
                }
                files.addAll(inFolder);
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                String hint = arguments.isEmpty()
                        ? " (no route file given on the command line, so the default " + DEFAULT_ROUTES
                          + " relative to the working directory was tried)"
                        : "";
                throw new StartupException("Route file " + arg + " not found: " + path + hint, null,
                        PyrocamelApplication.EXIT_USAGE);
            }
        }
        return files;
    }

    /** The include pattern for Camel Main: {@code file:} URIs separated by commas. */
    public static String includePattern(List<Path> files) {
        StringBuilder sb = new StringBuilder();
        for (Path file : files) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append("file:").append(file.toString().replace('\\', '/'));
        }
        return sb.toString();
    }

    private static List<Path> yamlFilesIn(Path folder) {
        try (Stream<Path> stream = Files.list(folder)) {
            return stream.filter(Files::isRegularFile)
                    .filter(p -> {
                        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return name.endsWith(".yaml") || name.endsWith(".yml");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new StartupException("Cannot list route folder " + folder + ": " + e.getMessage(), e,
                    PyrocamelApplication.EXIT_USAGE);
        }
    }
}
