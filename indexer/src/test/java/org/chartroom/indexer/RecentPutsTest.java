package org.chartroom.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Optional;
import org.chartroom.core.document.DocumentRecord;
import org.chartroom.core.document.DocumentState;
import org.chartroom.core.document.DocumentType;
import org.junit.jupiter.api.Test;

class RecentPutsTest {
    static DocumentRecord record(String text) {
        return Notes.note(1, "MRN1", "Pat Example", DocumentType.LETTER, "dr.test", LocalDate.of(2024, 1, 1),
                DocumentState.DRAFT, text);
    }

    @Test
    void aPutIsVisibleUntilARefreshCoversIt() {
        RecentPuts puts = new RecentPuts();
        DocumentRecord a = record("a");
        puts.put(a, 10);
        puts.searchableUpTo(9);
        assertEquals(Optional.of(a), puts.get(a.id()));
        assertEquals(1, puts.size());
        puts.searchableUpTo(10);
        assertEquals(Optional.empty(), puts.get(a.id()));
        assertEquals(0, puts.size());
    }

    @Test
    void theHigherSequenceNumberWinsWhateverTheOrderOfArrival() {
        RecentPuts puts = new RecentPuts();
        DocumentRecord newer = record("newer");
        DocumentRecord older = record("older");
        puts.put(newer, 12);
        puts.put(older, 11); // lost the race to the map, but the index has "newer"
        assertEquals(Optional.of(newer), puts.get(newer.id()));
    }

    @Test
    void anEntryArrivingAfterTheRefreshThatCoveredItIsIgnored() {
        RecentPuts puts = new RecentPuts();
        DocumentRecord newer = record("newer");
        puts.put(newer, 12);
        puts.searchableUpTo(12);
        // A slower put of the same id (seqNo 11) reaches the map only now: the searcher has the newer one.
        puts.put(record("older"), 11);
        assertEquals(Optional.empty(), puts.get(newer.id()));
        puts.searchableUpTo(5); // an out-of-order, older refresh result never moves the mark back
        assertEquals(Optional.empty(), puts.get(newer.id()));
    }
}
