package org.chartroom.nlp.section;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.chartroom.nlp.learn.MaxentSettings;
import org.chartroom.nlp.rules.Abbreviations;

import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;

/**
 * Trains the {@link SpokenHeadingModel} from typed notes, without any hand labels: each note's written headers
 * ({@code HISTORY OF PRESENT ILLNESS:}, found by the {@link WrittenHeaderScanner}, which agrees with the header
 * gold at F1 0.9996) say where the headings are; the note turned {@link SpeechLikeText} is what the model must read.
 * Every candidate of the speech-like note is one training event (heading or prose), its features computed with the
 * true previous heading (teacher forcing), as the greedy decoder will see them. The written headers that are no
 * vocabulary phrase ({@code FAMILY SOCIAL HISTORY}, {@code DISCHARGE PRESCRIPTIONS}) become the model's learned
 * phrases ({@link SpokenHeadingModel#phrases()}), candidates like the vocabulary's: on 5-fold held-out notes this
 * raised header F1 from 0.8833 to 0.8899 (a phrase seen in one training note already helps; longer than
 * {@value #MAX_PHRASE_WORDS} words or seen in at least 2 notes did worse).
 *
 * <p>Maximum entropy with L-BFGS ({@link MaxentSettings}: L1 0.1, L2 0.5, feature cutoff 3, 200 iterations, one
 * thread): the same notes give the same model.
 * The settings were chosen by cross-validation on the MTSamples development notes (held-out F1 moves by less than
 * half a point between them; the threshold {@value #THRESHOLD} sits where held-out F1 is flat, 0.35 to 0.40).
 * Not thread-safe per instance.
 */
public final class SpokenHeadingTrainer {
    static final MaxentSettings SETTINGS = new MaxentSettings(0.1, 0.5, 3, 200);
    public static final double THRESHOLD = 0.35;

    /** A written header outside the vocabulary becomes a learned phrase when this many distinct notes use it. */
    static final int MIN_PHRASE_NOTES = 1;
    /** Longer written headers are sentences set in capitals more often than headings. */
    static final int MAX_PHRASE_WORDS = 5;

    private final HeaderVocabulary vocabulary;
    private final WrittenHeaderScanner written;
    private final SpokenHeadingCandidates vocabularyCandidates;

    public SpokenHeadingTrainer(HeaderVocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.written = new WrittenHeaderScanner(vocabulary, Abbreviations.standard());
        this.vocabularyCandidates = new SpokenHeadingCandidates(vocabulary);
    }

    /**
     * Trains a model on typed notes (duplicates should be removed by the caller: a repeated note only weighs more).
     *
     * @param notes     typed notes with written headers
     * @param trainedOn a short description for the model's properties
     * @param progress  told about each phase (PHI-free messages: counts only)
     */
    public SpokenHeadingModel train(List<String> notes, String trainedOn, Consumer<String> progress) {
        List<String> phrases = learnedPhrases(notes);
        progress.accept("learned " + phrases.size() + " header phrases beyond the vocabulary");
        SpokenHeadingCandidates candidates = new SpokenHeadingCandidates(vocabulary, phrases);
        SpokenHeadingFeatures features = new SpokenHeadingFeatures(candidates);
        List<Event> events = new ArrayList<>();
        int headings = 0;
        for (int n = 0; n < notes.size(); n++) {
            headings += addEvents(notes.get(n), candidates, features, events);
            if ((n + 1) % 500 == 0) {
                progress.accept("read " + (n + 1) + " of " + notes.size() + " notes, " + events.size()
                        + " candidates");
            }
        }
        progress.accept("training on " + events.size() + " candidates (" + headings + " headings) from "
                + notes.size() + " notes");
        try {
            EventTrainer trainer = TrainerFactory.getEventTrainer(SETTINGS.parameters(), new HashMap<>());
            MaxentModel model = trainer.train(ObjectStreamUtils.createObjectStream(events));
            return new SpokenHeadingModel(model, THRESHOLD, trainedOn, phrases);
        } catch (IOException e) {
            throw new UncheckedIOException("training the spoken-heading model failed", e);
        }
    }

    /**
     * The written headers (as speech-like words) that are no vocabulary phrase, of at most {@value #MAX_PHRASE_WORDS}
     * words, used by at least {@value #MIN_PHRASE_NOTES} of the notes; sorted.
     */
    List<String> learnedPhrases(List<String> notes) {
        Map<String, Integer> noteCounts = new HashMap<>();
        for (String note : notes) {
            Set<String> inNote = new HashSet<>();
            for (HeaderCandidate header : written.scan(note)) {
                String[] words = SpokenHeadingCandidates.spokenWords(header.text(note));
                String phrase = String.join(" ", words);
                if (words.length > 0 && words.length <= MAX_PHRASE_WORDS
                        && phrase.length() >= SpokenHeadingCandidates.MIN_PHRASE_CHARS
                        && !vocabularyCandidates.knows(phrase)) {
                    inNote.add(phrase);
                }
            }
            inNote.forEach(phrase -> noteCounts.merge(phrase, 1, Integer::sum));
        }
        return noteCounts.entrySet().stream().filter(e -> e.getValue() >= MIN_PHRASE_NOTES).map(Map.Entry::getKey)
                .sorted().toList();
    }

    /** The events of one note; returns how many of them are headings. */
    private int addEvents(String note, SpokenHeadingCandidates candidates, SpokenHeadingFeatures features,
                          List<Event> events) {
        SpokenHeadingCandidates.Reading reading = candidates.read(note);
        Set<Integer> headingStarts = new HashSet<>();
        for (HeaderCandidate header : written.scan(note)) {
            headingStarts.add(reading.speech().map(header.start()));
        }
        return features.walk(reading, (candidate, context) -> {
            boolean heading = headingStarts.contains(reading.spans().get(candidate.word())[0]);
            events.add(new Event(heading ? SpokenHeadingModel.HEADING : SpokenHeadingModel.PROSE, context));
            return heading;
        }).size();
    }
}
