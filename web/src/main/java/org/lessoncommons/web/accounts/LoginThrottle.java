package org.lessoncommons.web.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after too many failed sign-ins for one username, or from one
 * address, within a window, further attempts are refused until the window has passed. Kept in
 * memory: a restart forgives, which is acceptable for a throttle (not a lockout policy).
 */
final class LoginThrottle {

    static final int MAX_FAILURES_PER_USERNAME = 5;
    static final int MAX_FAILURES_PER_ADDRESS = 30;
    static final Duration WINDOW = Duration.ofMinutes(15);

    /** Bounds memory under a spray of random usernames: the oldest entries are forgotten first. */
    private static final int MAX_TRACKED = 100_000;

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long until this username may try again from this address, if it is blocked now. */
    Optional<Duration> blocked(String username, String address) {
        Instant now = clock.instant();
        Optional<Duration> byName = wait(user(username), MAX_FAILURES_PER_USERNAME, now);
        Optional<Duration> byAddress = wait(address(address), MAX_FAILURES_PER_ADDRESS, now);
        return byName.isPresent() ? byName : byAddress;
    }

    void failed(String username, String address) {
        if (failures.size() > MAX_TRACKED) {
            failures.clear();
        }
        Instant now = clock.instant();
        record(user(username), now);
        record(address(address), now);
    }

    void succeeded(String username) {
        failures.remove(user(username));
    }

    private Optional<Duration> wait(String key, int max, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            prune(times, now);
            if (times.size() < max) {
                return Optional.empty();
            }
            return Optional.of(Duration.between(now, times.peekFirst().plus(WINDOW)));
        }
    }

    private void record(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
        }
    }

    private static void prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(WINDOW).isAfter(now)) {
            times.removeFirst();
        }
    }

    private static String user(String username) {
        return "u:" + username.strip().toLowerCase(Locale.ROOT);
    }

    private static String address(String address) {
        return "a:" + address;
    }
}
