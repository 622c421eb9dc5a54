package org.ordercycle.testinfra;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Starts a Java program in a child JVM that ends when this JVM ends, however it ends (even {@code kill -9}):
 * the same watchdog as the Kafka broker's. The local launcher and the system tests run the services this way.
 */
public final class WatchedJvm {

    private WatchedJvm() {
    }

    /**
     * Starts {@code mainClass args} with {@code jars} as classpath, the extra {@code environment}, and stdout and
     * stderr appended to {@code logFile}. {@code workDir} also receives the JVM's classpath argument file.
     */
    public static Process start(Path workDir, Path logFile, Map<String, String> environment, List<String> jvmOptions,
            List<Path> jars, String mainClass, List<String> args) {
        Dirs.createDirectories(workDir);
        return ChildJvm.start(workDir, logFile, environment, jvmOptions,
                jars.stream().map(Path::toString).toList(), mainClass, args);
    }
}
