package org.qualigraph.base;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Unpacks an uploaded zip into a folder without trusting it: entry names that climb out of the folder ({@code ../},
 * absolute paths, drive letters, backslashes), too many entries, entries or totals announcing more data than the
 * limits, compression ratios no text file reaches (a zip bomb), and archives that lie about their sizes (the bytes
 * actually inflated are counted too). The same checks as the ESCO package upload, for any reference-data upload.
 * A refusal is a {@link BadInputException} naming the form field and the entry.
 */
public final class SafeZip {

    /** Limits of one upload. */
    public record Limits(int maxEntries, long maxEntryBytes, long maxTotalBytes, long maxRatio) {
    }

    private static final long SUSPICIOUS_SIZE = 1024 * 1024;

    private SafeZip() {
    }

    /** Extracts {@code zip} into the empty folder {@code target}; {@code field} names the upload in errors. */
    public static void extract(Path zip, Path target, Limits limits, String field) {
        try (var file = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            var entries = file.entries();
            int count = 0;
            long total = 0;
            Path root = target.toAbsolutePath().normalize();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (++count > limits.maxEntries()) {
                    throw problem(field, "problem.zip.entries", limits.maxEntries());
                }
                if (name.startsWith("/") || name.contains("\\") || name.contains(":")
                        || Arrays.asList(name.split("/")).contains("..")) {
                    throw problem(field, "problem.zip.unsafePath", shorten(name));
                }
                Path out = root.resolve(name).normalize();
                if (!out.startsWith(root)) {
                    throw problem(field, "problem.zip.outside", shorten(name));
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                long size = entry.getSize();
                long compressed = entry.getCompressedSize();
                if (size > limits.maxEntryBytes()) {
                    throw problem(field, "problem.zip.entryTooLarge", shorten(name), size, limits.maxEntryBytes());
                }
                if (size > SUSPICIOUS_SIZE && compressed > 0 && size / compressed > limits.maxRatio()) {
                    throw problem(field, "problem.zip.bomb", shorten(name), size / compressed);
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = file.getInputStream(entry); OutputStream os = Files.newOutputStream(out)) {
                    total += copy(in, os, limits.maxEntryBytes(), limits.maxTotalBytes() - total, name, field);
                }
            }
            if (count == 0) {
                throw problem(field, "problem.zip.empty");
            }
        } catch (java.util.zip.ZipException e) {
            throw problem(field, "problem.zip.damaged", String.valueOf(e.getMessage()));
        } catch (IOException e) {
            throw problem(field, "problem.zip.unreadable", String.valueOf(e.getMessage()));
        }
    }

    private static BadInputException problem(String field, String key, Object... args) {
        return new BadInputException(java.util.List.of(FieldProblem.of(field, key, args)));
    }

    /** Copies at most the limits, counting what is really inflated (sizes in the zip directory may lie). */
    private static long copy(InputStream in, OutputStream out, long maxEntry, long remainingTotal, String name, String field)
            throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long written = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            written += n;
            if (written > maxEntry) {
                throw problem(field, "problem.zip.inflates", shorten(name), maxEntry);
            }
            if (written > remainingTotal) {
                throw problem(field, "problem.zip.total");
            }
            out.write(buffer, 0, n);
        }
        return written;
    }

    private static String shorten(String name) {
        return name.length() > 120 ? name.substring(0, 120) + "…" : name;
    }
}
