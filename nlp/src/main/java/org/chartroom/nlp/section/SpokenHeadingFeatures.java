package org.chartroom.nlp.section;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

import org.chartroom.nlp.section.SpokenHeadingCandidates.Candidate;

/**
 * The features the spoken-heading model sees for one candidate heading (as OpenNLP context strings):
 * <ul>
 *   <li>the phrase, its context-free type and its length in words; for a phrase with a word in front
 *       ({@link Candidate#modified()}) that word and its class, and the known phrase marked as modified;</li>
 *   <li>the words around it (up to three before and after, single and paired), alone and combined with the phrase
 *       or type: "history of" and "the procedure" are prose, "heent normocephalic" a heading;</li>
 *   <li>the classes of those words (a function word of {@code spoken-heading-function-words.txt} as itself, a
 *       number, a single letter, a heading word, another word), so that unseen words still carry evidence;</li>
 *   <li>the nearest other candidates before and after it (their types and how many words away): headings come in
 *       runs (exam and review-of-systems subsections) and a heading is followed by some content;</li>
 *   <li>the last heading accepted so far and how many words ago (the decoder is greedy, left to right).</li>
 * </ul>
 * The features are a contract with the trained model: change them only together with retraining it (and bump
 * {@link #VERSION}). Immutable and thread-safe.
 */
public final class SpokenHeadingFeatures {
    /** Identifies this feature set; a model trained on another version is refused. */
    public static final String VERSION = "2";
    static final String NO_HEADING = "none";
    /** How far (in words) to look for the neighbouring candidates. */
    private static final int NEIGHBOUR_WINDOW = 60;
    private static final String START = "<s>";
    private static final String END = "</s>";

    private final SpokenHeadingCandidates candidates;

    public SpokenHeadingFeatures(SpokenHeadingCandidates candidates) {
        this.candidates = candidates;
    }

    /**
     * The context of the candidate at word {@code c.word()}.
     *
     * @param words     the text's words (lower case)
     * @param found     the candidate at each word (null where none), as {@link SpokenHeadingCandidates#find} gives
     * @param c         the candidate
     * @param lastType  the type of the last accepted heading before it, or {@value #NO_HEADING}
     * @param gap       words between the end of that heading (or the text start) and the candidate
     */
    public String[] of(String[] words, Candidate[] found, Candidate c, String lastType, int gap) {
        List<String> f = new ArrayList<>(48);
        String p = c.phrase();
        String t = c.type();
        String w1 = word(words, c.word() - 1);
        String w2 = word(words, c.word() - 2);
        String w3 = word(words, c.word() - 3);
        String n1 = word(words, c.end());
        String n2 = word(words, c.end() + 1);
        String n3 = word(words, c.end() + 2);
        if (c.modified()) {
            String modifier = words[c.word()];
            p = "+ " + c.knownPhrase();
            f.add("mod=" + modifier);
            f.add("modClass=" + wordClass(modifier));
        }
        f.add("modified=" + c.modified());
        f.add("p=" + p);
        f.add("t=" + t);
        f.add("n=" + Math.min(c.length(), 4));
        f.add("w-1=" + w1);
        f.add("w-2=" + w2);
        f.add("w-3=" + w3);
        f.add("w-2,-1=" + w2 + "_" + w1);
        f.add("w+1=" + n1);
        f.add("w+2=" + n2);
        f.add("w+3=" + n3);
        f.add("w+1,+2=" + n1 + "_" + n2);
        f.add("w-1|w+1=" + w1 + "|" + n1);
        f.add("t|w-1=" + t + "|" + w1);
        f.add("t|w+1=" + t + "|" + n1);
        f.add("t|w+2=" + t + "|" + n2);
        f.add("p|w-1=" + p + "|" + w1);
        f.add("p|w+1=" + p + "|" + n1);

        String c1 = wordClass(w1);
        String c2 = wordClass(w2);
        String d1 = wordClass(n1);
        String d2 = wordClass(n2);
        String d3 = wordClass(n3);
        f.add("c-1=" + c1);
        f.add("c+1=" + d1);
        f.add("c-2,-1=" + c2 + "_" + c1);
        f.add("c+1,+2=" + d1 + "_" + d2);
        f.add("t|c-1=" + t + "|" + c1);
        f.add("t|c+1=" + t + "|" + d1);
        f.add("t|c+1,+2=" + t + "|" + d1 + "_" + d2);
        f.add("t|c+1,+2,+3=" + t + "|" + d1 + "_" + d2 + "_" + d3);
        f.add("p|c-1=" + p + "|" + c1);
        f.add("p|c+1=" + p + "|" + d1);

        String gapBucket = bucket(gap);
        f.add("last=" + lastType);
        f.add("last|t=" + lastType + "|" + t);
        f.add("last|p=" + lastType + "|" + p);
        f.add("gap=" + gapBucket);
        f.add("t|gap=" + t + "|" + gapBucket);

        Candidate next = null;
        int nextDistance = 0;
        for (int k = c.end(); k < found.length && k < c.end() + NEIGHBOUR_WINDOW; k++) {
            if (found[k] != null) {
                next = found[k];
                nextDistance = k - c.end();
                break;
            }
        }
        Candidate previous = null;
        int previousDistance = 0;
        for (int k = c.word() - 1; k >= 0 && k > c.word() - NEIGHBOUR_WINDOW; k--) {
            if (found[k] != null && found[k].end() <= c.word()) {
                previous = found[k];
                previousDistance = c.word() - found[k].end();
                break;
            }
        }
        String nt = next == null ? NO_HEADING : next.type();
        String pt = previous == null ? NO_HEADING : previous.type();
        f.add("nt=" + nt);
        f.add("pt=" + pt);
        f.add("nd=" + bucket(nextDistance));
        f.add("pd=" + bucket(previousDistance));
        f.add("t|nt=" + t + "|" + nt);
        f.add("t|pt=" + t + "|" + pt);
        f.add("t|nd=" + t + "|" + bucket(nextDistance));
        f.add("t|pd=" + t + "|" + bucket(previousDistance));
        if (next != null && nextDistance == 0) {
            f.add("adjacent=" + next.type());
        }
        if (c.word() == 0) {
            f.add("textStart");
        }
        return f.toArray(new String[0]);
    }

    /**
     * Walks the candidates of a text left to right as the decoder does: {@code decide} is given each candidate and
     * its features and says whether it is a heading; a heading's words are not candidates again, and it is the
     * previous heading of the candidates after it. The scanner decides with the model, the trainer with the labels.
     *
     * @return the headings, in order
     */
    public List<Candidate> walk(SpokenHeadingCandidates.Reading reading, BiPredicate<Candidate, String[]> decide) {
        String[] words = reading.words();
        Candidate[] found = reading.found();
        List<Candidate> headings = new ArrayList<>();
        String lastType = NO_HEADING;
        int lastEnd = 0;
        int i = 0;
        while (i < words.length) {
            Candidate c = found[i];
            if (c != null && decide.test(c, of(words, found, c, lastType, i - lastEnd))) {
                headings.add(c);
                lastType = c.type();
                lastEnd = c.end();
                i = c.end();
            } else {
                i++;
            }
        }
        return headings;
    }

    private static String word(String[] words, int i) {
        if (i < 0) {
            return START;
        }
        return i >= words.length ? END : words[i];
    }

    /**
     * The class of a word: a function word as itself; otherwise number, letter, heading word (a word that starts a
     * header phrase) or word; the text edges as themselves. The sentence-boundary model uses the same classes.
     */
    public String wordClass(String w) {
        if (w.equals(START) || w.equals(END)) {
            return w;
        }
        if (Character.isDigit(w.charAt(0))) {
            return "NUM";
        }
        if (candidates.isFunctionWord(w)) {
            return "F:" + w;
        }
        if (w.length() == 1) {
            return "LETTER";
        }
        return candidates.startsPhrase(w) ? "HW" : "W";
    }

    private static String bucket(int words) {
        if (words <= 2) {
            return "0-2";
        }
        if (words <= 5) {
            return "3-5";
        }
        if (words <= 10) {
            return "6-10";
        }
        if (words <= 20) {
            return "11-20";
        }
        return words <= 50 ? "21-50" : ">50";
    }
}
