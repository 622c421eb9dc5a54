package org.ordercycle.testinfra;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a server wrote to its log since a start began. Log files are appended across restarts, so only
 * the part after the offset at the start counts.
 */
final class LogTail {

    private final Path file;
    private final long startOffset;

    private LogTail(Path file, long startOffset) {
        this.file = file;
        this.startOffset = startOffset;
    }

    static LogTail from(Path file) {
        try {
            return new LogTail(file, Files.exists(file) ? Files.size(file) : 0);
        } catch (IOException e) {
            return new LogTail(file, 0);
        }
    }

    Path file() {
        return file;
    }

    boolean contains(String text) {
        return read().contains(text);
    }

    /**
     * The last new line containing one of the markers (e.g. "FATAL", "Exception"), from the word holding the
     * marker on (so without the time stamp in front), to put into an error message.
     */
    Optional<String> lastLineWith(String... markers) {
        String[] lines = read().split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            for (String marker : markers) {
                int at = lines[i].indexOf(marker);
                if (at >= 0) {
                    while (at > 0 && !Character.isWhitespace(lines[i].charAt(at - 1))) {
                        at--;
                    }
                    return Optional.of(lines[i].substring(at).trim());
                }
            }
        }
        return Optional.empty();
    }

    private String read() {
        try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
            long length = log.length() - startOffset;
            if (length <= 0) {
                return "";
            }
            byte[] bytes = new byte[(int) Math.min(length, Integer.MAX_VALUE - 8)];
            log.seek(startOffset);
            log.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) { // not written yet
            return "";
        }
    }
}
