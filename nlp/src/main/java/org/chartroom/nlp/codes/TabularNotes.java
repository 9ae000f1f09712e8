package org.chartroom.nlp.codes;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Tabular List's notes by code, written by the import into the code index folder ({@value #FILE}) and read at
 * open: what a code excludes, what to code first or in addition, and its category's 7th characters. A note written
 * under a category applies to every code under it, so a code's notes are its own and its ancestors'. Immutable and
 * thread-safe.
 */
public final class TabularNotes {
    /** The file name inside the code index folder. */
    static final String FILE = "tabular-notes.tsv";
    /** A code or a range of codes in a note: "(K40.-)", "(Q79.0-Q79.59)", "(I10-I16)". */
    private static final Pattern REFERENCE = Pattern.compile(
            "\\b([A-Z][0-9][0-9A-Z](?:\\.[0-9A-Z]{0,4})?)(?:\\.?-(?!\\s*[A-Z][0-9]))?"
                    + "(?:\\s*-\\s*([A-Z][0-9][0-9A-Z](?:\\.[0-9A-Z]{0,4})?)(?:\\.?-)?)?");

    private final Map<String, List<TabularNote>> byCode;

    private TabularNotes(Map<String, List<TabularNote>> byCode) {
        this.byCode = byCode;
    }

    /** No notes (a release without the Tabular List XML). */
    static TabularNotes none() {
        return new TabularNotes(Map.of());
    }

    static void write(Path folder, List<TabularNote> notes) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(folder.resolve(FILE), StandardCharsets.UTF_8)) {
            for (TabularNote n : notes) {
                w.write(n.code() + "\t" + n.kind() + "\t" + n.text().replace('\t', ' ') + "\n");
            }
        }
    }

    /** The notes of the index folder; none when the release had no Tabular List. */
    static TabularNotes read(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return none();
        }
        Map<String, List<TabularNote>> byCode = new HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split("\t", 3);
                if (f.length == 3) {
                    byCode.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new TabularNote(f[0], f[1], f[2]));
                }
            }
        }
        byCode.replaceAll((k, v) -> List.copyOf(v));
        return new TabularNotes(Map.copyOf(byCode));
    }

    /** The notes of {@code kind} that apply to {@code code}: its own first, then its ancestors', nearest first. */
    public List<TabularNote> of(String code, String kind) {
        List<TabularNote> out = new ArrayList<>();
        String c = code;
        while (c.length() >= 3) {
            for (TabularNote n : byCode.getOrDefault(c, List.of())) {
                if (n.kind().equals(kind)) {
                    out.add(n);
                }
            }
            c = c.substring(0, c.length() - 1);
            if (c.endsWith(".")) {
                c = c.substring(0, c.length() - 1);
            }
        }
        return out;
    }

    /** The meaning of {@code code}'s 7th character from its category's table, if it has one. */
    public Optional<String> seventh(String code) {
        if (code.length() < 8) {
            return Optional.empty();
        }
        List<TabularNote> defs = of(code.substring(0, code.length() - 1), TabularNote.SEVENTH
                + code.charAt(code.length() - 1));
        return defs.isEmpty() ? Optional.empty() : Optional.of(defs.get(0).text());
    }

    /** The meanings of every 7th character of {@code code}'s 7th-character table; empty when it has none. */
    public List<String> sevenths(String code) {
        if (code.length() < 8) {
            return List.of();
        }
        String c = code.substring(0, code.length() - 1);
        while (c.length() >= 3) {
            List<String> meanings = byCode.getOrDefault(c, List.of()).stream()
                    .filter(n -> n.kind().startsWith(TabularNote.SEVENTH)).map(TabularNote::text).toList();
            if (!meanings.isEmpty()) {
                return meanings;
            }
            c = c.substring(0, c.length() - 1);
            if (c.endsWith(".")) {
                c = c.substring(0, c.length() - 1);
            }
        }
        return List.of();
    }

    /** The Excludes1 note of {@code code} that names {@code other}, if any. */
    public Optional<String> excludes1(String code, String other) {
        for (TabularNote n : of(code, TabularNote.EXCLUDES1)) {
            if (names(n.text(), other)) {
                return Optional.of(n.text());
            }
        }
        return Optional.empty();
    }

    /** Whether a note's code references ("(K40.-)", "(I10-I16)") cover {@code code}. */
    static boolean names(String note, String code) {
        String c = code.replace(".", "");
        Matcher m = REFERENCE.matcher(note);
        while (m.find()) {
            String from = m.group(1).replace(".", "");
            String to = m.group(2) == null ? from : m.group(2).replace(".", "");
            String low = c.substring(0, Math.min(c.length(), from.length()));
            String high = c.substring(0, Math.min(c.length(), to.length()));
            if (low.compareTo(from) >= 0 && high.compareTo(to) <= 0) {
                return true;
            }
        }
        return false;
    }

    int size() {
        return byCode.values().stream().mapToInt(List::size).sum();
    }
}
