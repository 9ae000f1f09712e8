package org.chartroom.nlp.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.chartroom.core.error.ConfigurationException;
import org.chartroom.core.text.CodeSuggestion;
import org.chartroom.nlp.codes.CodeSuggester;

/**
 * Measures code suggestion on the ICD-10-CM phrase gold ({@code row_id, section, phrase, gold_code, alternates,
 * category, rationale}): top-1 and top-5 accuracy (the gold code or an alternate among the first 1 or 5
 * suggestions), and 3-character category accuracy of the first suggestion.
 */
public final class CodeEvaluation {
    /** Where the shared folder keeps the phrase gold. */
    public static final String GOLD = "spec/icd10cm-gold-dev.tsv";

    private final CodeSuggester suggester;

    public CodeEvaluation(CodeSuggester suggester) {
        this.suggester = suggester;
    }

    /** One gold phrase. */
    public record Item(String id, String phrase, String gold, Set<String> accepted, String category) {
    }

    /** A phrase whose first suggestion is not accepted, for error analysis. */
    public record Miss(Item item, List<String> suggested) {
    }

    public record Result(int items, int top1, int top5, int category) {
        public double top1Accuracy() {
            return items == 0 ? 0 : (double) top1 / items;
        }

        public double top5Accuracy() {
            return items == 0 ? 0 : (double) top5 / items;
        }

        public double categoryAccuracy() {
            return items == 0 ? 0 : (double) category / items;
        }
    }

    public Result run(Path sharedFolder) {
        return run(read(sharedFolder.resolve(GOLD)), miss -> { });
    }

    public Result run(List<Item> items, Consumer<Miss> misses) {
        int top1 = 0;
        int top5 = 0;
        int category = 0;
        for (Item item : items) {
            List<String> codes = suggester.suggest(item.phrase(), 5).stream().map(CodeSuggestion::code).toList();
            if (!codes.isEmpty() && item.accepted().contains(codes.get(0))) {
                top1++;
            } else {
                misses.accept(new Miss(item, codes));
            }
            if (codes.stream().anyMatch(item.accepted()::contains)) {
                top5++;
            }
            if (!codes.isEmpty() && codes.get(0).startsWith(item.category())) {
                category++;
            }
        }
        return new Result(items.size(), top1, top5, category);
    }

    /**
     * Reads the gold.
     *
     * @throws ConfigurationException when the file is missing or unreadable; the message names it
     */
    public static List<Item> read(Path tsv) {
        if (!Files.isRegularFile(tsv)) {
            throw new ConfigurationException("the ICD-10-CM phrase gold " + tsv + " is missing; pass --shared DIR"
                    + " with spec/icd10cm-gold-dev.tsv");
        }
        try {
            List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
            List<Item> items = new ArrayList<>();
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).split("\t", -1);
                if (f.length < 6) {
                    continue;
                }
                Set<String> accepted = new java.util.HashSet<>();
                accepted.add(f[3].strip());
                for (String alt : f[4].split("\\|")) {
                    if (!alt.isBlank()) {
                        accepted.add(alt.strip());
                    }
                }
                items.add(new Item(f[0], f[2].strip(), f[3].strip(), Set.copyOf(accepted), f[5].strip()));
            }
            return items;
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the ICD-10-CM phrase gold " + tsv + ": " + e.getMessage(), e);
        }
    }
}
