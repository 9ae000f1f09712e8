package org.chartroom.ingest.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartroom.core.pipeline.ClinicalAnnotator;
import org.chartroom.core.text.Annotation;
import org.chartroom.core.text.Section;

/** A stand-in for the NLP stage: every line starting with an upper-case "HEADER:" opens a section. */
public final class SectionHeaderAnnotator implements ClinicalAnnotator {
    private static final Pattern HEADER = Pattern.compile("(?m)^([A-Z][A-Z ]+):");

    @Override
    public Annotation annotate(String text) {
        Matcher m = HEADER.matcher(text);
        List<Integer> starts = new ArrayList<>();
        List<String> headers = new ArrayList<>();
        while (m.find()) {
            starts.add(m.start());
            headers.add(m.group(1));
        }
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : text.length();
            String header = headers.get(i);
            sections.add(new Section(header.toLowerCase(Locale.ROOT).replace(' ', '_'), header, starts.get(i), end));
        }
        return new Annotation(List.of(), sections, List.of(), List.of());
    }
}
