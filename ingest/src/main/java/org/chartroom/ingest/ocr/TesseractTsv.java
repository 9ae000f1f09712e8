package org.chartroom.ingest.ocr;

/**
 * Reads Tesseract's TSV output (one row per page, block, paragraph, line and word, with each word's confidence from
 * 0 to 100 and its box) into a page's text, mean word confidence and share of words set vertically. The TSV, not the
 * plain-text output, because it carries the confidences and boxes; the text is rebuilt from the word rows in reading
 * order.
 */
final class TesseractTsv {
    private static final int LEVEL_WORD = 5;
    /** From three characters a word's box is wider than tall in upright type ("I", "a", "1" are not). */
    private static final int MIN_LONG_WORD = 3;

    private TesseractTsv() {
    }

    static Recognition parse(String tsv) {
        StringBuilder text = new StringBuilder();
        double confidenceSum = 0;
        int words = 0;
        int longWords = 0;
        int verticalWords = 0;
        String lastBlock = null;
        String lastLine = null;
        for (String row : tsv.split("\n")) {
            String[] cells = row.split("\t", -1);
            if (cells.length < 12 || !isInteger(cells[0]) || Integer.parseInt(cells[0]) != LEVEL_WORD) {
                continue;
            }
            String word = cells[11].strip();
            double confidence = parseConfidence(cells[10]);
            if (word.isEmpty() || confidence < 0) {
                continue;
            }
            String block = cells[2] + '.' + cells[3];
            String line = block + '.' + cells[4];
            if (lastLine == null) {
                // first word
            } else if (!block.equals(lastBlock)) {
                text.append("\n\n");
            } else if (!line.equals(lastLine)) {
                text.append('\n');
            } else {
                text.append(' ');
            }
            text.append(word);
            lastBlock = block;
            lastLine = line;
            confidenceSum += confidence;
            words++;
            if (word.codePointCount(0, word.length()) >= MIN_LONG_WORD) {
                longWords++;
                if (parseInt(cells[9]) > parseInt(cells[8])) {
                    verticalWords++;
                }
            }
        }
        return new Recognition(text.toString(), words == 0 ? 0 : confidenceSum / words / 100.0, words,
                longWords == 0 ? 0 : (double) verticalWords / longWords);
    }

    private static int parseInt(String cell) {
        return isInteger(cell) ? Integer.parseInt(cell) : 0;
    }

    private static boolean isInteger(String cell) {
        return !cell.isEmpty() && cell.chars().allMatch(Character::isDigit);
    }

    private static double parseConfidence(String cell) {
        try {
            return Double.parseDouble(cell.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
