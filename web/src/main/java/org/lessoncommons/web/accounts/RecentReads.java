package org.lessoncommons.web.accounts;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values read from the database, kept for at most {@link #FRESH} so that a request that asks for
 * them on every call need not read them again; its owner forgets them all when what they were read
 * from changes. Only what was found is kept.
 */
public final class RecentReads<K, V> {

    /** How long a value is kept, the bound for changes made by another instance. */
    public static final Duration FRESH = Duration.ofSeconds(10);

    private record Kept<V>(V value, long readAt) {}

    private final Map<K, Kept<V>> kept = new ConcurrentHashMap<>();

    /** The value kept for {@code key} if still fresh, or what {@code read} finds now (and keeps). */
    public Optional<V> get(K key, Function<K, Optional<V>> read) {
        Kept<V> recent = kept.get(key);
        if (recent != null && System.nanoTime() - recent.readAt() < FRESH.toNanos()) {
            return Optional.of(recent.value());
        }
        long readAt = System.nanoTime();
        Optional<V> found = read.apply(key);
        found.ifPresentOrElse(value -> kept.put(key, new Kept<>(value, readAt)), () -> kept.remove(key));
        return found;
    }

    public void forgetAll() {
        kept.clear();
    }
}
