package io.moldtank.client.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files of a solution directory as the submission's path → text: regular files only (symbolic links are
 * not followed, so nothing outside the directory is sent), hidden files and folders (.git, .venv…) left
 * out, UTF-8 text only, at most the server's 64 files and 512 KiB.
 */
final class SolutionDir {
    static final int MAX_FILES = 64;
    static final long MAX_BYTES = 512 * 1024;

    private SolutionDir() {
    }

    static Map<String, String> read(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new Args.Usage(dir + " is not a directory");
        }
        Map<String, String> files = new TreeMap<>();
        long total = 0;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path rel = dir.relativize(p);
                if (rel.toString().isEmpty() || hidden(rel) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                total += Files.size(p);
                if (files.size() >= MAX_FILES || total > MAX_BYTES) {
                    throw new Args.Usage(dir + " holds more than " + MAX_FILES + " files or " + MAX_BYTES / 1024
                            + " KiB: a submission may not");
                }
                files.put(rel.toString().replace('\\', '/'), utf8(p));
            }
        }
        if (files.isEmpty()) {
            throw new Args.Usage(dir + " holds no files");
        }
        return files;
    }

    private static boolean hidden(Path rel) {
        for (Path part : rel) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String utf8(Path p) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(p)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Args.Usage(p + " is not UTF-8 text: submissions carry text files only");
        }
    }
}
