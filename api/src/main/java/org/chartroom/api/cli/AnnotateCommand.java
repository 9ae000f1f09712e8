package org.chartroom.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.chartroom.api.runtime.Components;
import org.chartroom.core.error.ConfigurationException;
import org.chartroom.core.pipeline.ClinicalAnnotator;
import org.chartroom.core.text.Annotation;
import org.chartroom.core.text.Assertion;
import org.chartroom.core.text.CodeSuggestion;
import org.chartroom.core.text.Concept;
import org.chartroom.core.text.DocumentClassification;
import org.chartroom.core.text.Section;
import org.chartroom.core.text.TextSpan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code chartroom annotate}: the {@code annotate} JSON Lines contract. In: {@code {"id","text"}} with optional
 * {@code "targets":[{"start","end"}]}; out: {@code {"id","sections","concepts","targets","codes"}}, one line per input
 * line, in order ({@link CodeJson} for a code). A line that cannot be read gives {@code {"id", "error"}} and the run goes on.
 */
@Command(name = "annotate", mixinStandardHelpOptions = true,
        description = "Annotate notes: JSON Lines {\"id\",\"text\"} on stdin, annotations on stdout.")
final class AnnotateCommand implements Callable<Integer> {

    @Mixin
    DataOption data;

    @Mixin
    TextLines lines;

    @Override
    public Integer call() throws Exception {
        ClinicalAnnotator annotator = annotator();
        lines.run((request, text, answer) -> write(answer, annotator, text, annotator.annotate(text),
                request.get("targets")));
        return 0;
    }

    private ClinicalAnnotator annotator() {
        try {
            return Components.annotator(data.dataDir);
        } catch (ConfigurationException e) {
            // Sections and context still work: say what to configure, and annotate without code suggestions.
            System.err.println("chartroom: " + e.getMessage() + "; annotating without ICD-10-CM code suggestions");
            return Components.annotatorIfIndexed(data.dataDir);
        }
    }

    static String annotateLine(ClinicalAnnotator annotator, String line) {
        return TextLines.answer(line, (request, text, answer) -> write(answer, annotator, text,
                annotator.annotate(text), request.get("targets")));
    }

    private static void write(ObjectNode out, ClinicalAnnotator annotator, String text, Annotation a,
                              JsonNode targets) {
        int length = text.length();
        ArrayNode sections = out.putArray("sections");
        for (Section s : a.sections()) {
            sections.addObject().put("type", s.type()).put("header", s.header()).put("start", s.start())
                    .put("end", s.end());
        }
        ArrayNode concepts = out.putArray("concepts");
        for (Concept c : a.concepts()) {
            assertion(concepts.addObject().put("text", c.text()).put("start", c.start()).put("end", c.end())
                    .put("category", c.category()), c.assertion());
        }
        ArrayNode targetsOut = out.putArray("targets");
        if (targets != null && targets.isArray()) {
            List<ObjectNode> valid = new ArrayList<>();
            List<TextSpan> spans = new ArrayList<>();
            for (JsonNode t : targets) {
                int start = t.path("start").asInt(-1);
                int end = t.path("end").asInt(-1);
                ObjectNode o = targetsOut.addObject().put("start", start).put("end", end);
                if (start < 0 || end < start || end > length) {
                    o.put("error", "target span out of the text");
                } else {
                    valid.add(o);
                    spans.add(new TextSpan(start, end));
                }
            }
            // Each target is decided by ConText in its own sentence and section, like a found concept.
            List<Assertion> decided = annotator.assess(text, spans);
            for (int i = 0; i < valid.size(); i++) {
                assertion(valid.get(i), decided.get(i));
            }
        }
        ArrayNode codes = out.putArray("codes");
        for (CodeSuggestion c : a.codes()) {
            CodeJson.add(codes, c, true);
        }
        DocumentClassification k = a.classification();
        if (!k.type().isEmpty() || !k.specialty().isEmpty()) {
            out.putObject("classification").put("type", k.type()).put("typeProbability", k.typeProbability())
                    .put("specialty", k.specialty()).put("specialtyProbability", k.specialtyProbability());
        }
    }

    private static void assertion(ObjectNode o, Assertion a) {
        o.put("negated", a.negated()).put("uncertain", a.uncertain()).put("historical", a.historical())
                .put("family", a.family()).put("hypothetical", a.hypothetical());
    }
}
