package org.chartroom.nlp.doctype;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A small labelled corpus written for the tests, in the MTSamples layout: made-up notes of two document kinds
 * (operative reports, progress notes) in three specialties, each note listed twice, once under its kind and once
 * under its specialty, as MTSamples files its reports. Nothing here is patient data.
 */
final class FixtureCorpus {
    static final String[][] SPECIALTIES = {
        {"Orthopedic", "fracture femur tibia cast knee orthopedic splint bone"},
        {"Cardiovascular / Pulmonary", "heart murmur coronary stent angina cardiac artery valve"},
        {"Gastroenterology", "colon polyp colonoscopy stomach reflux bowel gastric esophagus"},
    };
    static final String[][] KINDS = {
        {"Surgery", "PROCEDURE: The patient was taken to the operating room. Under general anesthesia an incision was"
                + " made. Sutures closed the wound. Estimated blood loss minimal."},
        {"SOAP / Chart / Progress Notes", "SUBJECTIVE: She returns for follow-up today and feels better."
                + " OBJECTIVE: Vitals stable. ASSESSMENT: Improving. PLAN: Continue and recheck in one month."},
    };
    static final String FILLER = "the patient was seen and examined with history noted and findings reviewed today";

    private FixtureCorpus() {
    }

    /** A note of the given kind and specialty, varied by {@code seed}. */
    static String note(int kind, int specialty, long seed) {
        Random random = new Random(seed);
        String[] topical = SPECIALTIES[specialty][1].split(" ");
        String[] filler = FILLER.split(" ");
        StringBuilder s = new StringBuilder(KINDS[kind][1]).append(' ');
        for (int w = 0; w < 40; w++) {
            s.append(random.nextInt(3) == 0 ? topical[random.nextInt(topical.length)] : filler[random.nextInt(
                    filler.length)]).append(' ');
        }
        return s.toString().strip() + ".";
    }

    /** Writes the corpus ({@code perCell} notes of each kind and specialty) and returns its path. */
    static Path write(Path dir, int perCell) throws IOException {
        StringBuilder csv = new StringBuilder(",description,medical_specialty,sample_name,transcription,keywords\n");
        int row = 0;
        for (int kind = 0; kind < KINDS.length; kind++) {
            for (int specialty = 0; specialty < SPECIALTIES.length; specialty++) {
                for (int n = 0; n < perCell; n++) {
                    String text = note(kind, specialty, 1000L * kind + 100L * specialty + n);
                    for (String label : new String[] {KINDS[kind][0], SPECIALTIES[specialty][0]}) {
                        csv.append(row++).append(", A note, ").append(label).append(", Sample,\"")
                                .append(text.replace("\"", "\"\"")).append("\",\n");
                    }
                }
            }
        }
        Path file = dir.resolve("corpus.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }
}
