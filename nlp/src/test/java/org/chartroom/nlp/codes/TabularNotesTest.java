package org.chartroom.nlp.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Tabular List's notes: read from the XML, written and read back, inherited, and their code references. */
class TabularNotesTest {
    @TempDir
    Path temp;

    @Test
    void codeReferencesOfANoteCoverCodesRangesAndCategories() {
        assertTrue(TabularNotes.names("traumatic amputation of lower leg (S88.-)", "S88.011A"));
        assertTrue(TabularNotes.names("congenital hernia (Q79.0-Q79.59)", "Q79.51"));
        assertTrue(TabularNotes.names("congenital hernia (Q79.0-Q79.59)", "Q79.0"));
        assertFalse(TabularNotes.names("congenital hernia (Q79.0-Q79.59)", "Q79.6"));
        assertTrue(TabularNotes.names("hypertensive disease (I10-I16)", "I13.10"));
        assertFalse(TabularNotes.names("hypertensive disease (I10-I16)", "I20.9"));
        assertTrue(TabularNotes.names("influenza (J09.X3, J10.2, J11.2)", "J10.2"));
        assertFalse(TabularNotes.names("influenza (J09.X3, J10.2, J11.2)", "J10.1"));
    }

    @Test
    void notesAreReadFromTheTabularAndApplyToEveryCodeUnderTheirs() throws IOException {
        Path release = FixtureRelease.write(Files.createDirectories(temp.resolve("release")));
        TabularXml.Contents tabular = new Icd10cmRelease(release).tabular();
        assertEquals(1, tabular.inclusions().size());
        assertEquals("E11", tabular.inclusions().get(0).code());
        Path folder = Files.createDirectories(temp.resolve("index"));
        TabularNotes.write(folder, tabular.notes());
        TabularNotes notes = TabularNotes.read(folder);

        assertEquals(Optional.of("type 2 diabetes mellitus (E11.-)"), notes.excludes1("E10.9", "E11.22"));
        assertEquals(Optional.of("type 1 diabetes mellitus (E10.-)"), notes.excludes1("E11.22", "E10.9"));
        assertEquals(Optional.empty(), notes.excludes1("E11.22", "I10"));
        assertEquals(List.of("code to identify control using insulin (Z79.4)"),
                notes.of("E11.9", TabularNote.USE_ADDITIONAL_CODE).stream().map(TabularNote::text).toList());
        // Excludes2 (not included here, a condition of its own) is kept apart from Excludes1.
        assertEquals(1, notes.of("S82.202A", TabularNote.EXCLUDES2).size());
        assertEquals(Optional.empty(), notes.excludes1("S82.202A", "S92.001A"));
        // The 7th character's meaning comes from the category's table, whatever the subcategory.
        assertEquals(Optional.of("initial encounter for open fracture type I or II"), notes.seventh("S82.202B"));
        assertEquals(Optional.of("subsequent encounter for closed fracture with routine healing"),
                notes.seventh("S82.201D"));
        assertEquals(Optional.empty(), notes.seventh("E11.9"));
        assertEquals(0, TabularNotes.read(temp.resolve("nothing-here")).size());
    }
}
