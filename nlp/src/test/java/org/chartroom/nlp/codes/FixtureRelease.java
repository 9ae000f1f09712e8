package org.chartroom.nlp.codes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A tiny ICD-10-CM release written by the tests: an order file and an index CSV in the CDC/flattened layouts. */
public final class FixtureRelease {
    private FixtureRelease() {
    }

    private static final String[][] CODES = {
        {"K40", "0", "Inguinal hernia"},
        {"K4090", "1", "Unilateral inguinal hernia, without obstruction or gangrene, not specified as recurrent"},
        {"K4091", "1", "Unilateral inguinal hernia, without obstruction or gangrene, recurrent"},
        {"K469", "1", "Unspecified abdominal hernia without obstruction or gangrene"},
        {"I10", "1", "Essential (primary) hypertension"},
        {"S8220", "0", "Unspecified fracture of shaft of tibia"},
        {"S82201A", "1", "Unspecified fracture of shaft of right tibia, initial encounter for closed fracture"},
        {"S82201D", "1", "Unspecified fracture of shaft of right tibia, subsequent encounter for closed fracture with"
                + " routine healing"},
        {"S82202A", "1", "Unspecified fracture of shaft of left tibia, initial encounter for closed fracture"},
        {"S82202B", "1", "Unspecified fracture of shaft of left tibia, initial encounter for open fracture type I or"
                + " II"},
        {"S82209A", "1", "Unspecified fracture of shaft of unspecified tibia, initial encounter for closed fracture"},
        {"R509", "1", "Fever, unspecified"},
    };

    private static final String INDEX = """
            RowID,Letter,Level,Term,See,SeeAlso,NonEssModif,Code
            1,F,0,Fever,,,(inanition) (of unknown origin),R50.9
            2,F,0,"Fracture, traumatic",,,(abduction),T14.8
            3,F,1,tibia,,,,
            4,F,2,shaft,,,,S82.20-
            5,H,0,"Hernia, hernial",,,(acquired) (recurrent),K46.9
            6,H,1,inguinal,,,(direct),K40.90
            7,H,0,"Hypertension, hypertensive",,,(benign) (essential),I10
            8,P,0,Pyrexia,Fever,,,
            """;

    /** Writes the release into {@code dir} and returns it. */
    public static Path write(Path dir) throws IOException {
        StringBuilder order = new StringBuilder();
        int n = 1;
        for (String[] c : CODES) {
            order.append(String.format("%05d %-7s %s %-60s %s%n", n++, c[0], c[1],
                    c[2].length() > 60 ? c[2].substring(0, 60) : c[2], c[2]));
        }
        Files.writeString(dir.resolve("icd10cm-order-2026.txt"), order.toString(), StandardCharsets.ISO_8859_1);
        Files.writeString(dir.resolve("ICD10CM_2025_Index.csv"), INDEX, StandardCharsets.UTF_8);
        return dir;
    }

    public static List<String> codes() {
        return java.util.Arrays.stream(CODES).map(c -> c[0]).toList();
    }
}
