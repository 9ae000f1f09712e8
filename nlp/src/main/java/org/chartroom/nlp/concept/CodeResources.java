package org.chartroom.nlp.concept;

import org.chartroom.nlp.codes.CodeIndex;
import org.chartroom.nlp.codes.CodeSuggester;
import org.chartroom.nlp.rules.RuleFile;

/**
 * What the annotator needs from an opened code index: the concept finder (its dictionary comes from the index
 * folder), the phrase suggester and the document coder.
 */
public record CodeResources(ConceptFinder finder, CodeSuggester suggester, DocumentCoder coder) {
    /** The resources of an opened index in {@code folder}. */
    public static CodeResources of(CodeIndex index, java.nio.file.Path folder) {
        CodeSuggester suggester = new CodeSuggester(index);
        return new CodeResources(
                new ConceptFinder(ConceptDictionary.read(folder, RuleFile.readResource(CodeSuggester.SYNONYMS))),
                suggester, new DocumentCoder(suggester));
    }
}
