package org.chartroom.nlp.codes;

import java.util.List;

/**
 * One term of an Alphabetic Index or of one of its tables (Neoplasm Table, Table of Drugs and Chemicals), in
 * document order: a main term (level 0) or a subterm, whose parent is the nearest earlier row of a lower level.
 *
 * @param level   0 for a main term, else the subterm's depth
 * @param title   the term without its nonessential modifiers ("Hernia, hernial")
 * @param nemod   the nonessential modifiers as written ("(acquired) (recurrent)"), or empty
 * @param see     the "see" cross-reference ("Calculus, bile duct"), or empty
 * @param seeAlso the "see also" cross-reference, or empty
 * @param code    the code the term leads to (possibly a header or a code ending in {@code -}), or empty
 * @param cells   for a table row, the code in each column after the first (empty or "-" where there is none)
 */
record IndexRow(int level, String title, String nemod, String see, String seeAlso, String code, List<String> cells) {
    IndexRow {
        cells = List.copyOf(cells);
    }
}
