package org.chartroom.nlp.section;

import java.util.ArrayList;
import java.util.List;

import org.chartroom.nlp.section.HeaderCandidate.Placement;
import org.chartroom.nlp.section.SpokenHeadingCandidates.Candidate;

/**
 * Finds spoken section headings: headings said inside the flow of a dictation ("... no edema heent normocephalic
 * neck supple ..."), where there is no case, colon or line break to mark them. The text is read through its
 * {@link SpeechLikeText} view (so punctuation and case, when present, change nothing); every place where a header
 * phrase of the vocabulary starts is a candidate ({@link SpokenHeadingCandidates}); left to right, the
 * {@link SpokenHeadingModel} decides from the candidate's {@link SpokenHeadingFeatures} whether it is a heading or a
 * use of the same words in a sentence ("the procedure was explained"). An accepted heading's words are not
 * candidates again. Offsets are those of the given text. Thread-safe.
 */
public final class SpokenHeaderScanner {
    private final SpokenHeadingCandidates candidates;
    private final SpokenHeadingFeatures features;
    private final SpokenHeadingModel model;

    /** The scanner with the built-in model. */
    public SpokenHeaderScanner(HeaderVocabulary vocabulary) {
        this(vocabulary, SpokenHeadingModel.builtIn());
    }

    public SpokenHeaderScanner(HeaderVocabulary vocabulary, SpokenHeadingModel model) {
        this.candidates = new SpokenHeadingCandidates(vocabulary, model.phrases());
        this.features = new SpokenHeadingFeatures(candidates);
        this.model = model;
    }

    /** The spoken headings of {@code text}, in order, non-overlapping. */
    public List<HeaderCandidate> scan(String text) {
        SpokenHeadingCandidates.Reading reading = candidates.read(text);
        List<HeaderCandidate> headings = new ArrayList<>();
        for (Candidate c : features.walk(reading, (candidate, context) -> model.isHeading(context))) {
            int start = reading.speech().original(reading.spans().get(c.word())[0]);
            int end = reading.speech().originalEnd(reading.spans().get(c.end() - 1)[1]);
            headings.add(new HeaderCandidate(start, end, end, Placement.LINE_START));
        }
        return headings;
    }
}
