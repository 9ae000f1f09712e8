package org.chartroom.asr.format;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inverse of {@link DictationFormatter}: a written note as a physician would dictate it — headings followed by
 * "colon", punctuation spoken ("period", "comma"), numbers and units in words ("120/80" → "one twenty over eighty",
 * "5 mg" → "five milligrams"), a line break after a sentence ("new paragraph"). It reads the formatter's own rule
 * tables, so the two directions cannot drift apart. Used to script the synthesized dictations and to put the
 * language-model corpus into the words a recogniser hears. Immutable and thread-safe.
 */
public final class SpokenForm {
    private static final Pattern TOKEN = Pattern.compile(
            "(\\d+(?:\\.\\d+)?)(?:/(\\d+(?:\\.\\d+)?))?|([A-Za-z]+(?:'[A-Za-z]+)*)|([.,:;?!()%/&+#])");
    private static final String SENTENCE_END = "\n";

    private final NumberWords numbers;
    private final Map<String, String> spokenPunctuation = new HashMap<>();
    private final Map<String, String> spokenUnits = new HashMap<>();

    public SpokenForm(DictationFormatter rules) {
        this.numbers = rules.numbers();
        for (String[] row : rules.commands().rows()) {
            if (row[1].length() == 1) {
                spokenPunctuation.putIfAbsent(row[1], row[0]);
            }
        }
        for (String[] row : rules.units().rows()) {
            spokenUnits.putIfAbsent(row[1], row[0]);
        }
    }

    /** The dictation of a note as words, lower case, one spoken sentence per element. */
    public List<String> sentences(String written) {
        List<String> sentences = new ArrayList<>();
        for (String s : String.join(" ", speakWithBreaks(written)).split(SENTENCE_END)) {
            String line = s.strip().replaceAll("\\s+", " ");
            if (!line.isEmpty()) {
                sentences.add(line);
            }
        }
        return sentences;
    }

    /** The dictation of a note as one list of words. */
    public List<String> words(String written) {
        List<String> words = new ArrayList<>();
        for (String w : speakWithBreaks(written)) {
            if (!w.equals(SENTENCE_END)) {
                words.addAll(List.of(w.split(" ")));
            }
        }
        return words;
    }

    private List<String> speakWithBreaks(String written) {
        List<String[]> tokens = new ArrayList<>();  // {kind, text, denominator}
        Matcher m = TOKEN.matcher(written);
        while (m.find()) {
            if (m.group(1) != null) {
                tokens.add(new String[] {"n", m.group(1), m.group(2)});
            } else if (m.group(3) != null) {
                tokens.add(new String[] {"w", m.group(3), null});
            } else {
                tokens.add(new String[] {"p", m.group(4), null});
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String[] tok = tokens.get(i);
            switch (tok[0]) {
                case "n" -> {
                    out.add(number(tok[1]) + (tok[2] == null ? "" : " over " + number(tok[2])));
                    if (i + 1 < tokens.size() && spokenUnits.containsKey(tokens.get(i + 1)[1])) {
                        out.add(spokenUnits.get(tokens.get(i + 1)[1]));
                        i++;
                    }
                }
                case "w" -> {
                    int end = headingEnd(tokens, i);
                    if (end > i) {
                        out.add(SENTENCE_END);
                        for (int k = i; k < end; k++) {
                            if (tokens.get(k)[0].equals("w")) {
                                out.add(tokens.get(k)[1].toLowerCase(Locale.ROOT));
                            }
                        }
                        out.add(spokenPunctuation.get(":"));
                        out.add(SENTENCE_END);
                        i = end;  // the colon
                        if (i + 1 < tokens.size() && tokens.get(i + 1)[1].equals(",")) {
                            i++;  // MTSamples' comma standing for the line break after a heading
                        }
                    } else {
                        out.add(tok[1].toLowerCase(Locale.ROOT));
                    }
                }
                default -> i = punctuation(tokens, i, out);
            }
        }
        return out;
    }

    /** Index of the colon ending an upper-case heading that starts at {@code i}, or {@code i} when there is none. */
    private static int headingEnd(List<String[]> tokens, int i) {
        int j = i;
        while (j < tokens.size() && (tokens.get(j)[0].equals("w") && isUpper(tokens.get(j)[1])
                || tokens.get(j)[1].equals("&") || tokens.get(j)[1].equals("/") && j > i)) {
            j++;
        }
        return j > i && j < tokens.size() && tokens.get(j)[1].equals(":") ? j : i;
    }

    private static boolean isUpper(String w) {
        return w.length() >= 2 && w.equals(w.toUpperCase(Locale.ROOT)) || w.equals("A") || w.equals("I");
    }

    private int punctuation(List<String[]> tokens, int i, List<String> out) {
        String p = tokens.get(i)[1];
        boolean breakFollows = i + 1 < tokens.size() && tokens.get(i + 1)[1].equals(",");
        switch (p) {
            case "%" -> out.add(spokenUnits.getOrDefault("%", "percent"));
            case "&" -> out.add("and");
            case "+" -> out.add("plus");
            case "#" -> out.add("number");
            case "." , "?", "!" -> {
                out.add(spokenPunctuation.get(p));
                out.add(SENTENCE_END);
                if (breakFollows) {
                    out.add("new paragraph");  // MTSamples' comma standing for the line break
                    out.add(SENTENCE_END);
                    return i + 1;
                }
            }
            default -> out.add(spokenPunctuation.getOrDefault(p, ""));
        }
        return i;
    }

    private String number(String digits) {
        int point = digits.indexOf('.');
        String whole = point < 0 ? digits : digits.substring(0, point);
        StringBuilder spoken = new StringBuilder();
        if (whole.length() > 6) {
            for (char c : whole.toCharArray()) {
                spoken.append(numbers.speak(c - '0')).append(' ');
            }
        } else {
            spoken.append(numbers.speakReading(Long.parseLong(whole))).append(' ');
        }
        if (point >= 0) {
            spoken.append("point");
            for (char c : digits.substring(point + 1).toCharArray()) {
                spoken.append(' ').append(numbers.speak(c - '0'));
            }
        }
        return spoken.toString().strip();
    }
}
