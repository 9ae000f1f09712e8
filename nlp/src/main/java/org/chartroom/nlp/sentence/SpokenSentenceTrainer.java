package org.chartroom.nlp.sentence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.chartroom.core.text.TextSpan;
import org.chartroom.nlp.learn.MaxentSettings;
import org.chartroom.nlp.section.HeaderVocabulary;
import org.chartroom.nlp.section.SpeechLikeText;
import org.chartroom.nlp.section.SpokenHeadingCandidates;
import org.chartroom.nlp.section.SpokenHeadingFeatures;

import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;

/**
 * Trains the {@link SpokenSentenceModel} from typed notes, without hand labels: in each note turned speech-like,
 * the gap between two words is a sentence end when the {@link SentenceSplitter} ends a sentence of the typed note
 * there (punctuation, line breaks, headers, with its abbreviation and number repairs). One event per gap; maximum entropy
 * ({@link MaxentSettings}: L1 0.1, L2 0.5, cutoff 5, 100 iterations, one thread, so the same notes give the same
 * model). The threshold {@value #THRESHOLD} is where held-out boundary F1 peaks (flat from 0.3 to 0.5).
 */
public final class SpokenSentenceTrainer {
    static final MaxentSettings SETTINGS = new MaxentSettings(0.1, 0.5, 5, 100);
    public static final double THRESHOLD = 0.4;

    /** The word classes of the built-in header vocabulary and function words. */
    static SpokenHeadingFeatures wordClasses() {
        return new SpokenHeadingFeatures(new SpokenHeadingCandidates(HeaderVocabulary.standard()));
    }

    /**
     * Trains on {@code notes} (typed, punctuated; duplicates removed by the caller).
     *
     * @param heldOutFold the fold the caller left out of {@code notes} (recorded for the evaluation), or -1
     * @param progress told about each phase (counts only)
     */
    public SpokenSentenceModel train(List<String> notes, String trainedOn, int heldOutFold,
                                     Consumer<String> progress) {
        SpokenHeadingFeatures classes = wordClasses();
        SentenceSplitter splitter = SentenceSplitter.written();
        List<Event> events = new ArrayList<>();
        for (int n = 0; n < notes.size(); n++) {
            Gaps gaps = Gaps.of(notes.get(n), splitter);
            for (int i = 0; i + 1 < gaps.words().length; i++) {
                events.add(new Event(gaps.ends().get(i) ? SpokenSentenceModel.END : SpokenSentenceModel.GO_ON,
                        SpokenSentenceModel.features(gaps.words(), i, classes)));
            }
            if ((n + 1) % 500 == 0) {
                progress.accept("read " + (n + 1) + " of " + notes.size() + " notes, " + events.size() + " gaps");
            }
        }
        progress.accept("training on " + events.size() + " word gaps from " + notes.size() + " notes");
        try {
            MaxentModel model = TrainerFactory.getEventTrainer(SETTINGS.parameters(), new HashMap<>())
                    .train(ObjectStreamUtils.createObjectStream(events));
            return new SpokenSentenceModel(model, THRESHOLD, trainedOn, heldOutFold, classes);
        } catch (IOException e) {
            throw new UncheckedIOException("training the spoken-sentence model failed", e);
        }
    }

    /**
     * A typed note read as speech: its speech-like words, and after which of them the {@link SentenceSplitter} ends
     * a sentence of the typed note (so the model learns the typed boundaries, abbreviations and decimals included).
     */
    public record Gaps(String[] words, BitSet ends) {
        /** Reads a typed note. */
        public static Gaps of(String note, SentenceSplitter splitter) {
            TreeSet<Integer> sentenceEnds = new TreeSet<>();
            for (TextSpan sentence : splitter.split(note)) {
                sentenceEnds.add(sentence.end());
            }
            SpeechLikeText speech = SpeechLikeText.of(note);
            List<int[]> spans = speech.wordSpans();
            String[] words = new String[spans.size()];
            BitSet ends = new BitSet(words.length);
            for (int k = 0; k < words.length; k++) {
                words[k] = speech.text().substring(spans.get(k)[0], spans.get(k)[1]);
                if (k + 1 < words.length) {
                    Integer end = sentenceEnds.ceiling(speech.originalEnd(spans.get(k)[1]));
                    if (end != null && end <= speech.original(spans.get(k + 1)[0])) {
                        ends.set(k);
                    }
                }
            }
            return new Gaps(words, ends);
        }
    }
}
