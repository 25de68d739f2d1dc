package org.reconsim.engine.rng;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.Map;

import org.apache.commons.rng.UniformRandomProvider;
import org.reconsim.models.numerics.PhiloxStream;

/**
 * Random streams addressed by coordinates (docs/ARCHITECTURE.md, Determinism): a Philox-4x64 generator
 * whose key is the first 128 bits of SHA-256(master seed, purpose) and whose 256-bit counter
 * starts at (0, 0, patient, replicate). The generator advances the lowest counter word, so
 * two coordinates' streams never overlap within 2^128 draws. Opening a stream costs O(1).
 *
 * <p>The key deliberately leaves out the rest of the scenario: patient i of replicate r then
 * draws the same numbers whatever the sample size, effect size or mechanism (common random
 * numbers), which makes power curves smooth and mechanism comparisons sharp.
 */
public final class RandomStreams {

    private final long seed;
    private final Map<Purpose, long[]> keys = new EnumMap<>(Purpose.class);
    /** Keys of named purposes (registered instruments' own streams), made on first use. */
    private final Map<String, long[]> named = new java.util.concurrent.ConcurrentHashMap<>();

    public RandomStreams(long seed) {
        this.seed = seed;
        for (Purpose p : Purpose.values()) {
            keys.put(p, key(seed, p));
        }
    }

    public long seed() {
        return seed;
    }

    /** The stream of {@code purpose} for {@code patient} in {@code replicate}. */
    public UniformRandomProvider stream(Purpose purpose, long patient, long replicate) {
        long[] k = keys.get(purpose);
        return new PhiloxStream(k[0], k[1], 0, 0, patient, replicate);
    }

    /**
     * The stream of a purpose named outside {@link Purpose} (a registered instrument's own
     * draws): keyed as an enum purpose is, by SHA-256(seed, "reconsim/" + name), so a name
     * never collides with a built-in purpose as long as it contains a '/' (the enum's names do not).
     */
    public UniformRandomProvider stream(String purpose, long patient, long replicate) {
        if (purpose.indexOf('/') < 0) {
            throw new IllegalArgumentException("a named purpose needs a '/', e.g. instrument/<name>: " + purpose);
        }
        long[] k = named.computeIfAbsent(purpose, p -> key(seed, p));
        return new PhiloxStream(k[0], k[1], 0, 0, patient, replicate);
    }

    private static long[] key(long seed, Purpose purpose) {
        return key(seed, purpose.name());
    }

    private static long[] key(long seed, String purpose) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(ByteBuffer.allocate(Long.BYTES).putLong(seed).array());
            sha.update(("reconsim/" + purpose).getBytes(StandardCharsets.UTF_8));
            ByteBuffer d = ByteBuffer.wrap(sha.digest());
            return new long[] {d.getLong(), d.getLong()};
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
