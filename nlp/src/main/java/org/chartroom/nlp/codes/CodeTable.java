package org.chartroom.nlp.codes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every line of the order file in code order, with the words each billable description states, negates ("without
 * obstruction" negates obstruction) and states in parentheses, as word ids of the {@link TermTable}. Sorted, so a
 * header's billable descendants are a contiguous range. Immutable and thread-safe.
 */
final class CodeTable {
    private final String[] codes;
    private final CodeEntry[] entries;
    private final int[][] stated;
    private final int[][] negated;
    private final int[][] nonessential;

    /**
     * @param entries the code lines, sorted by code
     * @param stated  per line, the sorted word ids its description states
     * @param negated per line, the sorted word ids its description negates
     * @param nonessential per line, the sorted word ids its description states in parentheses
     */
    CodeTable(List<CodeEntry> entries, List<int[]> stated, List<int[]> negated, List<int[]> nonessential) {
        this.entries = entries.toArray(new CodeEntry[0]);
        this.codes = entries.stream().map(CodeEntry::code).toArray(String[]::new);
        this.stated = stated.toArray(new int[0][]);
        this.negated = negated.toArray(new int[0][]);
        this.nonessential = nonessential.toArray(new int[0][]);
        for (int i = 1; i < codes.length; i++) {
            if (codes[i - 1].compareTo(codes[i]) >= 0) {
                throw new IllegalArgumentException("code table not sorted at line " + i);
            }
        }
    }

    /** The position of {@code code}, or a negative number when absent. */
    int find(String code) {
        return Arrays.binarySearch(codes, code);
    }

    CodeEntry entry(int position) {
        return entries[position];
    }

    /** The code line of {@code code}, or null. */
    CodeEntry code(String code) {
        int i = find(code);
        return i < 0 ? null : entries[i];
    }

    /** The positions of the billable codes at or under {@code prefix}. */
    int[] billableUnder(String prefix) {
        int from = find(prefix);
        if (from < 0) {
            from = -from - 1;
        }
        List<Integer> out = new ArrayList<>();
        for (int i = from; i < codes.length && codes[i].startsWith(prefix); i++) {
            if (entries[i].billable()) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    int[] stated(int position) {
        return stated[position];
    }

    int[] negated(int position) {
        return negated[position];
    }

    int[] nonessential(int position) {
        return nonessential[position];
    }

    int size() {
        return codes.length;
    }
}
