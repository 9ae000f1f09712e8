package org.chartroom.nlp.doctype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chartroom.core.error.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentClassifierHomeTest {
    @Test
    void buildsOnFirstUseIntoTheDataDirectoryAndOnlyOnce(@TempDir Path dir) throws Exception {
        Path corpus = FixtureCorpus.write(dir, 4);
        Path data = dir.resolve("data");
        DocumentClassifierHome home = DocumentClassifierHome.of(data,
                Map.of(DocumentClassifierHome.SETTING, corpus.toString()));
        assertEquals(data.resolve("models").resolve("doctype"), home.folder());
        List<String> progress = new ArrayList<>();
        DocumentClassifier first = home.open(progress::add);
        assertTrue(progress.stream().anyMatch(m -> m.contains("training the document-type classifier")), progress
                .toString());
        assertTrue(home.exists());
        progress.clear();
        DocumentClassifier again = home.open(progress::add);
        assertEquals(List.of(), progress, "opened, not rebuilt");
        String note = FixtureCorpus.note(0, 1, 5);
        assertEquals(first.classify(note), again.classify(note));
    }

    @Test
    void withoutACorpusTheMessageNamesTheSetting(@TempDir Path dir) {
        DocumentClassifierHome home = new DocumentClassifierHome(dir.resolve("doctype"), Optional.empty());
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> home.open(m -> { }));
        assertTrue(e.getMessage().contains(DocumentClassifierHome.SETTING), e.getMessage());
    }
}
