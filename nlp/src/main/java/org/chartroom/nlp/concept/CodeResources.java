package org.chartroom.nlp.concept;

import java.util.List;

import org.chartroom.core.text.CodeSuggestion;
import org.chartroom.nlp.codes.CodeAxes;
import org.chartroom.nlp.codes.CodeIndex;
import org.chartroom.nlp.codes.CodeSuggester;
import org.chartroom.nlp.rules.RuleFile;

/**
 * What the annotator and the encoder need from an opened code index: the concept finder (its dictionary comes from
 * the index folder), the phrase suggester, the axes of a chosen code and the document coder.
 */
public record CodeResources(ConceptFinder finder, CodeSuggester suggester, CodeAxes axes, DocumentCoder coder) {
    /** The resources of an opened index in {@code folder}. */
    public static CodeResources of(CodeIndex index, java.nio.file.Path folder) {
        CodeSuggester suggester = new CodeSuggester(index);
        CodeAxes axes = new CodeAxes(index);
        return new CodeResources(
                new ConceptFinder(ConceptDictionary.read(folder, RuleFile.readResource(CodeSuggester.SYNONYMS))),
                suggester, axes, new DocumentCoder(suggester, index.notes(), axes));
    }

    /** The encoder's answer for a coder's phrase: the best {@code limit} codes, each with its axes. */
    public List<CodeSuggestion> encode(String phrase, int limit) {
        return suggester.suggest(phrase, limit).stream()
                .map(s -> new CodeSuggestion(s.code(), s.description(), s.score(), s.evidence(), false,
                        axes.of(s.code(), phrase), List.of(), List.of()))
                .toList();
    }
}
