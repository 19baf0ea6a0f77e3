package org.lessoncommons.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code java} command line of a child: same runtime and classes as this JVM, its own heap cap.
 * Inside a Spring Boot fat jar the classes sit in nested jars that {@code -cp} cannot name, so the
 * child starts through Boot's {@code PropertiesLauncher} with {@code loader.main}.
 */
final class ExtractionCommand {

    static final String PROPERTIES_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private ExtractionCommand() {}

    static List<String> of(ExtractionSettings settings) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add("-Xmx" + settings.heap().toMegabytes() + "m");
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-XX:+DisplayVMOutputToStderr");
        command.add("-XX:+UseSerialGC");
        command.add("-Djava.awt.headless=true");
        command.addAll(settings.jvmOptions());
        command.addAll(mainClass(classPath(), launchedByBootLoader()));
        return command;
    }

    static List<String> mainClass(String classPath, boolean bootLoader) {
        String server = ExtractionServer.class.getName();
        if (bootLoader) {
            return List.of("-cp", classPath, "-Dloader.main=" + server, PROPERTIES_LAUNCHER);
        }
        return List.of("-cp", classPath, server);
    }

    /** Surefire may hide the test class path behind a manifest-only jar. */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static boolean launchedByBootLoader() {
        ClassLoader loader = ExtractionServer.class.getClassLoader();
        return loader != null && loader.getClass().getName().startsWith("org.springframework.boot.loader.");
    }

    private static String javaExecutable() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (Files.isExecutable(java)) {
            return java.toString();
        }
        return ProcessHandle.current().info().command().orElse("java");
    }
}
