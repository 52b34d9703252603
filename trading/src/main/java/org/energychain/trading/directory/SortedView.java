package org.energychain.trading.directory;

import java.util.AbstractSet;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A list already sorted by {@code comparator}, seen as a sorted set so that {@link TreeSet#addAll} builds
 * the tree in one linear pass (it does when the set is empty and the comparators are the same): how a
 * loaded snapshot's global orders are built.
 */
@SuppressWarnings("JdkObsolete") // TreeSet's one-pass copy is taken for a SortedSet, not a NavigableSet
final class SortedView extends AbstractSet<Entry> implements SortedSet<Entry> {
    private final List<Entry> sorted;
    private final Comparator<Entry> comparator;

    SortedView(List<Entry> sorted, Comparator<Entry> comparator) {
        this.sorted = sorted;
        this.comparator = comparator;
    }

    @Override
    public Iterator<Entry> iterator() {
        return sorted.iterator();
    }

    @Override
    public int size() {
        return sorted.size();
    }

    @Override
    public Comparator<? super Entry> comparator() {
        return comparator;
    }

    @Override
    public SortedSet<Entry> subSet(Entry from, Entry to) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SortedSet<Entry> headSet(Entry to) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SortedSet<Entry> tailSet(Entry from) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Entry first() {
        return sorted.get(0);
    }

    @Override
    public Entry last() {
        return sorted.get(sorted.size() - 1);
    }
}
