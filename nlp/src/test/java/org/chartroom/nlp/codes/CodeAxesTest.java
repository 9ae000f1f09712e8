package org.chartroom.nlp.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.chartroom.core.text.CodeAxis;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a code's laterality, acuity, 7th character and fracture type were chosen: stated, or the default and why. */
class CodeAxesTest {
    @TempDir
    static Path temp;
    static CodeAxes axes;

    @BeforeAll
    static void open() throws IOException {
        axes = new CodeAxes(FixtureRelease.open(FixtureRelease.home(temp)));
    }

    private static Map<String, CodeAxis> of(String code, String text) {
        return axes.of(code, text).stream().collect(Collectors.toMap(CodeAxis::axis, Function.identity()));
    }

    @Test
    void aSideTheTextStatesHasNoReason() {
        Map<String, CodeAxis> a = of("S82.202A", "Left tibial shaft fracture");
        assertEquals(new CodeAxis("laterality", "left", true, ""), a.get("laterality"));
    }

    @Test
    void theDefaultsOfAFractureComeWithTheirReasons() {
        Map<String, CodeAxis> a = of("S82.209A", "tibial shaft fracture");
        assertEquals("unspecified", a.get("laterality").value());
        assertTrue(a.get("laterality").reason().contains("no side"), a.get("laterality").reason());
        // The 7th character is named by the category's 7th-character table.
        assertEquals("initial encounter for closed fracture", a.get("episode").value());
        assertTrue(a.get("episode").reason().contains("I.C.19.a"), a.get("episode").reason());
        assertEquals("closed", a.get("fracture").value());
        assertTrue(a.get("fracture").reason().contains("open or closed"), a.get("fracture").reason());
    }

    @Test
    void whatTheTextSaysIsStated() {
        Map<String, CodeAxis> a = of("S82.202B", "open fracture of the left tibial shaft");
        assertEquals(new CodeAxis("fracture", "open", true, ""), a.get("fracture"));
        Map<String, CodeAxis> d = of("S82.201D", "right tibial shaft fracture, subsequent encounter");
        assertEquals(new CodeAxis("episode", "subsequent encounter for closed fracture with routine healing", true,
                ""), d.get("episode"));
    }

    @Test
    void aPoisoningOfNoStatedIntentIsAccidental() {
        CodeAxis intent = of("T43.221A", "Overdose of citalopram").get("intent");
        assertEquals("accidental", intent.value());
        assertTrue(intent.reason().contains("I.C.19.e.5.b"), intent.reason());
    }

    @Test
    void aCodeWithoutSiblingsOnAnAxisHasNone() {
        assertEquals(List.of(), axes.of("I10", "essential hypertension"));
        assertEquals(List.of(), axes.of("Z99.99", "no such code"));
    }
}
