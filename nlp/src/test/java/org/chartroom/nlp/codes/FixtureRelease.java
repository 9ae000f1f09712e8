package org.chartroom.nlp.codes;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A tiny ICD-10-CM release written by the tests, in the layouts of the CDC files: an order file, the Alphabetic Index
 * flattened to CSV, the Neoplasm Table and the Table of Drugs in the index XML format, and a Tabular List XML with
 * inclusion terms, Excludes1 notes, a use-additional-code note and a 7th-character table.
 */
public final class FixtureRelease {
    private FixtureRelease() {
    }

    private static final String[][] CODES = {
        {"C5091", "0", "Malignant neoplasm of breast of unspecified site, female"},
        {"C50911", "1", "Malignant neoplasm of unspecified site of right female breast"},
        {"C50912", "1", "Malignant neoplasm of unspecified site of left female breast"},
        {"C50919", "1", "Malignant neoplasm of unspecified site of unspecified female breast"},
        {"C7981", "1", "Secondary malignant neoplasm of breast"},
        {"E10", "0", "Type 1 diabetes mellitus"},
        {"E109", "1", "Type 1 diabetes mellitus without complications"},
        {"E11", "0", "Type 2 diabetes mellitus"},
        {"E1122", "1", "Type 2 diabetes mellitus with diabetic chronic kidney disease"},
        {"E119", "1", "Type 2 diabetes mellitus without complications"},
        {"G43009", "1", "Migraine without aura, not intractable, without status migrainosus"},
        {"G43109", "1", "Migraine with aura, not intractable, without status migrainosus"},
        {"G43909", "1", "Migraine, unspecified, not intractable, without status migrainosus"},
        {"I10", "1", "Essential (primary) hypertension"},
        {"K40", "0", "Inguinal hernia"},
        {"K4090", "1", "Unilateral inguinal hernia, without obstruction or gangrene, not specified as recurrent"},
        {"K4091", "1", "Unilateral inguinal hernia, without obstruction or gangrene, recurrent"},
        {"K469", "1", "Unspecified abdominal hernia without obstruction or gangrene"},
        {"K8050", "1", "Calculus of bile duct without cholangitis or cholecystitis without obstruction"},
        {"R1083", "1", "Colic"},
        {"R509", "1", "Fever, unspecified"},
        {"S8220", "0", "Unspecified fracture of shaft of tibia"},
        {"S82201A", "1", "Unspecified fracture of shaft of right tibia, initial encounter for closed fracture"},
        {"S82201D", "1", "Unspecified fracture of shaft of right tibia, subsequent encounter for closed fracture with"
                + " routine healing"},
        {"S82202A", "1", "Unspecified fracture of shaft of left tibia, initial encounter for closed fracture"},
        {"S82202B", "1", "Unspecified fracture of shaft of left tibia, initial encounter for open fracture type I or"
                + " II"},
        {"S82209A", "1", "Unspecified fracture of shaft of unspecified tibia, initial encounter for closed fracture"},
        {"T43221", "0", "Poisoning by selective serotonin reuptake inhibitors, accidental (unintentional)"},
        {"T43221A", "1", "Poisoning by selective serotonin reuptake inhibitors, accidental (unintentional), initial"
                + " encounter"},
        {"T43221D", "1", "Poisoning by selective serotonin reuptake inhibitors, accidental (unintentional),"
                + " subsequent encounter"},
        {"T43222A", "1", "Poisoning by selective serotonin reuptake inhibitors, intentional self-harm, initial"
                + " encounter"},
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
            9,C,0,"Calculus, calculi, calculous",,,,
            10,C,1,bile duct,,,(common) (hepatic),K80.50
            11,C,0,Colic,,,(bilious) (recurrent),R10.83
            12,C,1,biliary,"Calculus, bile duct",,,
            13,C,0,Cancer,,"Neoplasm, by site, malignant",,
            14,D,0,"Diabetes, diabetic",,,(mellitus) (controlled),E11.9
            15,D,1,type 1,,,,E10.9
            16,D,1,type 2,,,,E11.9
            17,D,2,with,,,,
            18,D,3,chronic kidney disease,,,,E11.22
            19,M,0,Migraine,,,(idiopathic),G43.909
            20,M,1,with aura,,,,G43.109
            21,M,1,without aura,,,,G43.009
            22,O,0,"Overdose, overdosage","Table of Drugs and Chemicals, by drug, poisoning",,(drug),
            """;

    private static final String HEADINGS = """
              <indexHeading>
                <head col="1">%s</head>
                %s
              </indexHeading>
            """;

    private static final String NEOPLASM = """
            <?xml version="1.0" encoding="utf-8"?>
            <ICD10CM.index>
              <version>2026</version>
            %s
              <letter>
                <title>N</title>
                <mainTerm>
                  <title>Neoplasm, neoplastic</title>
                  <cell col="2">C80.1</cell>
                  <cell col="3">C79.9</cell>
                  <term level="1">
                    <title>breast <nemod>(connective tissue) (glandular tissue) (soft parts)</nemod></title>
                    <cell col="2">C50.91-</cell>
                    <cell col="3">C79.81</cell>
                    <cell col="4">D05.9-</cell>
                    <cell col="5">D24.-</cell>
                    <cell col="6">D48.6-</cell>
                    <cell col="7">D49.3</cell>
                  </term>
                </mainTerm>
              </letter>
            </ICD10CM.index>
            """.formatted(HEADINGS.formatted("Neoplasm", """
                <head col="2">Malignant Primary</head>
                <head col="3">Malignant Secondary</head>
                <head col="4">Ca in situ</head>
                <head col="5">Benign</head>
                <head col="6">Uncertain Behavior</head>
                <head col="7">Unspecified Behavior</head>"""));

    private static final String DRUG = """
            <?xml version="1.0" encoding="utf-8"?>
            <ICD10CM.index>
              <version>2026</version>
            %s
              <letter>
                <title>C</title>
                <mainTerm>
                  <title>Citalopram</title>
                  <cell col="2">T43.221</cell>
                  <cell col="3">T43.222</cell>
                  <cell col="4">T43.223</cell>
                  <cell col="5">T43.224</cell>
                  <cell col="6">T43.225</cell>
                  <cell col="7">T43.226</cell>
                </mainTerm>
              </letter>
            </ICD10CM.index>
            """.formatted(HEADINGS.formatted("Substance", """
                <head col="2">Poisoning Accidental (unintentional)</head>
                <head col="3">Poisoning Intentional self-harm</head>
                <head col="4">Poisoning Assault</head>
                <head col="5">Poisoning Undetermined</head>
                <head col="6">Adverse effect</head>
                <head col="7">Underdosing</head>"""));

    private static final String TABULAR = """
            <?xml version="1.0" encoding="utf-8"?>
            <ICD10CM.tabular>
              <chapter>
                <name>4</name>
                <section id="E08-E13">
                  <diag>
                    <name>E10</name>
                    <desc>Type 1 diabetes mellitus</desc>
                    <excludes1>
                      <note>type 2 diabetes mellitus (E11.-)</note>
                    </excludes1>
                    <diag>
                      <name>E10.9</name>
                      <desc>Type 1 diabetes mellitus without complications</desc>
                    </diag>
                  </diag>
                  <diag>
                    <name>E11</name>
                    <desc>Type 2 diabetes mellitus</desc>
                    <inclusionTerm>
                      <note>non-insulin dependent diabetes (mellitus)</note>
                    </inclusionTerm>
                    <excludes1>
                      <note>type 1 diabetes mellitus (E10.-)</note>
                    </excludes1>
                    <useAdditionalCode>
                      <note>code to identify control using insulin (Z79.4)</note>
                    </useAdditionalCode>
                  </diag>
                </section>
              </chapter>
              <chapter>
                <name>19</name>
                <section id="S80-S89">
                  <diag>
                    <name>S82</name>
                    <desc>Fracture of lower leg, including ankle</desc>
                    <notes>
                      <note>A fracture not indicated as open or closed should be coded to closed</note>
                    </notes>
                    <excludes2>
                      <note>fracture of foot, except ankle (S92.-)</note>
                    </excludes2>
                    <sevenChrDef>
                      <extension char="A">initial encounter for closed fracture</extension>
                      <extension char="B">initial encounter for open fracture type I or II</extension>
                      <extension char="D">subsequent encounter for closed fracture with routine healing</extension>
                    </sevenChrDef>
                  </diag>
                </section>
              </chapter>
            </ICD10CM.tabular>
            """;

    /** Writes the release into {@code dir} and returns it. */
    /** The fixture release written to {@code folder}/release, its code index to be built in {@code folder}/codes. */
    public static CodeIndexHome home(Path folder) throws IOException {
        Path release = write(Files.createDirectories(folder.resolve("release")));
        return new CodeIndexHome(folder.resolve("codes"), Optional.of(release));
    }

    /** The fixture's code index, built on first use (its progress lines discarded). */
    public static CodeIndex open(CodeIndexHome home) {
        return home.open(new PrintStream(OutputStream.nullOutputStream()));
    }

    public static Path write(Path dir) throws IOException {
        StringBuilder order = new StringBuilder();
        int n = 1;
        for (String[] c : CODES) {
            order.append(String.format("%05d %-7s %s %-60s %s%n", n++, c[0], c[1],
                    c[2].length() > 60 ? c[2].substring(0, 60) : c[2], c[2]));
        }
        Files.writeString(dir.resolve("icd10cm-order-2026.txt"), order.toString(), StandardCharsets.ISO_8859_1);
        Files.writeString(dir.resolve("ICD10CM_2025_Index.csv"), INDEX, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("icd10cm-neoplasm-2026.xml"), NEOPLASM, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("icd10cm-drug-2026.xml"), DRUG, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("icd10cm_tabular_2026.xml"), TABULAR, StandardCharsets.UTF_8);
        return dir;
    }

    public static List<String> codes() {
        return java.util.Arrays.stream(CODES).map(c -> c[0]).toList();
    }

    /** How many order-file lines the release has. */
    public static int size() {
        return CODES.length;
    }
}
