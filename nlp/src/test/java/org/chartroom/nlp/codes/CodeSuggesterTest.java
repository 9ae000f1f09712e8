package org.chartroom.nlp.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chartroom.core.error.ConfigurationException;
import org.chartroom.core.text.CodeSuggestion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeSuggesterTest {
    @TempDir
    static Path temp;
    static CodeIndex index;
    static CodeSuggester suggester;

    @BeforeAll
    static void buildTheFixtureIndex() throws IOException {
        Path release = Files.createDirectories(temp.resolve("release"));
        FixtureRelease.write(release);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        CodeIndexHome home = new CodeIndexHome(temp.resolve("data/codes"), Optional.of(release));
        index = home.open(new PrintStream(progress, true, java.nio.charset.StandardCharsets.UTF_8));
        suggester = new CodeSuggester(index);
        assertTrue(progress.toString(java.nio.charset.StandardCharsets.UTF_8)
                .contains("index of " + FixtureRelease.size() + " codes"));
        assertTrue(CodeIndex.exists(temp.resolve("data/codes")));
    }

    private String top(String phrase) {
        List<CodeSuggestion> s = suggester.suggest(phrase, 5);
        assertFalse(s.isEmpty(), phrase);
        return s.get(0).code();
    }

    @Test
    void theOrderFileGivesBillableFlagsAndDescriptions() {
        assertFalse(index.code("K40").billable());
        assertTrue(index.code("K40.90").billable());
        assertEquals(5, index.billableUnder("S82.20").size());
    }

    @Test
    void aDashedIndexCodeIsResolvedByLateralityWithTheInitialClosedDefault() {
        assertEquals("S82.202A", top("Left tibial shaft fracture"));
        assertEquals("S82.201A", top("fracture of the shaft of the right tibia"));
        assertEquals("S82.209A", top("tibial shaft fracture"));
        assertEquals("S82.201D", top("right tibial shaft fracture, subsequent encounter"));
    }

    @Test
    void theDescriptionDecidesWhatTheIndexLeavesOpen() {
        assertEquals("K40.90", top("Left inguinal hernia, direct"));
        assertEquals("K40.91", top("Recurrent right inguinal hernia"));
        assertEquals("K46.9", top("hernia"));
    }

    @Test
    void abbreviationsAndSeeReferences() {
        assertEquals("I10", top("HTN"));
        assertEquals("R50.9", top("pyrexia"));
    }

    @Test
    void aSeeReferenceTheIndexGivesIsFollowed() {
        // Colic, biliary: see Calculus, bile duct. Colic itself has a code, which a coder would not take.
        assertEquals("K80.50", top("biliary colic"));
        assertEquals("R10.83", top("colic"));
    }

    @Test
    void whatThePhraseNegatesMustBeNegatedByTheCode() {
        assertEquals("G43.009", top("Migraine without aura"));
        assertEquals("G43.109", top("migraine with aura"));
        assertEquals("G43.909", top("migraine"));
    }

    @Test
    void theTableOfDrugsGivesPoisoningWithTheAccidentalAndInitialDefaults() {
        // Overdose: see Table of Drugs and Chemicals, poisoning; no intent stated is accidental.
        assertEquals("T43.221A", top("Overdose of citalopram"));
        assertEquals("T43.222A", top("intentional overdose of citalopram"));
    }

    @Test
    void theNeoplasmTableGivesTheBehaviourOfTheSite() {
        // Cancer: see also Neoplasm, by site, malignant; the breast row of the Malignant Primary column is C50.91-.
        assertEquals("C50.911", top("cancer of the right breast"));
        assertEquals("C79.81", top("secondary malignant neoplasm of breast"));
    }

    @Test
    void writtenFormsAndInclusionTermsAreUnderstood() {
        assertEquals("E11.9", top("Type II diabetes mellitus"));
        assertEquals("E11.22", top("type 2 diabetes with chronic kidney disease"));
        assertEquals("E11.9", top("non-insulin dependent diabetes"));
    }

    @Test
    void suggestionsAreBillableRankedAndDescribed() {
        List<CodeSuggestion> s = suggester.suggest("tibia fracture", 3);
        assertEquals(3, s.size());
        assertTrue(s.get(0).score() >= s.get(1).score());
        s.forEach(c -> assertTrue(index.code(c.code()).billable(), c.code()));
        assertTrue(s.get(0).description().contains("tibia"));
        assertTrue(suggester.suggest("   ", 5).isEmpty());
    }

    @Test
    void aMissingReleaseNamesTheSetting() throws IOException {
        CodeIndexHome home = new CodeIndexHome(temp.resolve("elsewhere/codes"), Optional.empty());
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> home.open(new PrintStream(new ByteArrayOutputStream())));
        assertTrue(e.getMessage().contains(CodeIndexHome.SETTING), e.getMessage());
        Path nothing = Files.createDirectories(temp.resolve("empty-release"));
        CodeIndexHome empty = CodeIndexHome.of(temp.resolve("x"), Map.of(CodeIndexHome.SETTING, nothing.toString()));
        e = assertThrows(ConfigurationException.class, () -> empty.build(new PrintStream(new ByteArrayOutputStream())));
        assertTrue(e.getMessage().contains("order file"), e.getMessage());
    }
}
