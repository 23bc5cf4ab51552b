package io.moldtank.adapters.sandbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A ustar archive of the run's files, built in memory (at most ~1 MB: the domain bounds both the
 * acceptance files and the submission). Every entry is owned by root, directories 0755 and files
 * 0644, so the sandbox user (65534) can read the files but cannot rewrite the acceptance tests.
 * Only plain files and directories are written: a "symlink" in a submission is just a file whose
 * content is a path, never a link on disk.
 */
final class TarArchive {

    private static final int BLOCK = 512;

    private TarArchive() {
    }

    static byte[] of(Map<String, String> files) {
        var out = new ByteArrayOutputStream();
        var sorted = new TreeMap<>(files);
        var directories = new TreeSet<String>();
        for (String path : sorted.keySet()) {
            requirePlain(path);
            for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
                directories.add(path.substring(0, i) + "/");
            }
        }
        for (String dir : directories) {
            writeHeader(out, dir, 0, '5', 0755);
        }
        sorted.forEach((path, content) -> {
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            writeHeader(out, path, bytes.length, '0', 0644);
            out.writeBytes(bytes);
            out.writeBytes(new byte[(BLOCK - bytes.length % BLOCK) % BLOCK]);
        });
        out.writeBytes(new byte[2 * BLOCK]);
        return out.toByteArray();
    }

    /** The domain refuses these already; checked again because this is the last line before the disk. */
    static void requirePlain(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("..") || path.contains("\\")
                || path.length() > 200 || !path.matches("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*")) {
            throw new IllegalArgumentException("file path must be relative and plain: " + path);
        }
    }

    private static void writeHeader(ByteArrayOutputStream out, String path, long size, char type, int mode) {
        byte[] header = new byte[BLOCK];
        String name = path;
        String prefix = "";
        if (name.length() > 100) { // ustar: split at a '/' into a 155-byte prefix and a 100-byte name
            int cut = path.lastIndexOf('/', 155);
            if (cut < 0 || path.length() - cut - 1 > 100) {
                throw new IllegalArgumentException("path too long for the archive: " + path);
            }
            prefix = path.substring(0, cut);
            name = path.substring(cut + 1);
        }
        put(header, 0, name, 100);
        put(header, 100, octal(mode, 7), 8);
        put(header, 108, octal(0, 7), 8);
        put(header, 116, octal(0, 7), 8);
        put(header, 124, octal(size, 11), 12);
        put(header, 136, octal(0, 11), 12);
        header[156] = (byte) type;
        put(header, 257, "ustar", 6);
        put(header, 263, "00", 2);
        put(header, 345, prefix, 155);
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, octal(sum, 6), 7);
        out.writeBytes(header);
    }

    private static String octal(long value, int width) {
        String s = Long.toOctalString(value);
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }

    private static void put(byte[] header, int at, String text, int max) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, at, Math.min(bytes.length, max));
    }
}
