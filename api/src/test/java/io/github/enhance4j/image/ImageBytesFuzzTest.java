package io.github.enhance4j.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.enhance4j.ImageReadException;
import io.github.enhance4j.testing.Guard;
import io.github.enhance4j.testing.HostileImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzes {@link ImageFiles#read(java.io.InputStream, String, long)} with mutated PNG, JPEG, GIF, BMP and TIFF files
 * (bit flips, overwritten bytes and header fields, cuts, inserted bytes), random bytes behind a real signature,
 * and plain random bytes. The only outcomes allowed are a decoded image within the pixel limit or an
 * {@link ImageReadException}; anything else (another exception, an {@code OutOfMemoryError}, a case running past
 * 60 s) fails with the input that caused it.
 *
 * <p>{@code mvn verify} runs 200 cases per property (a few seconds, set in {@code junit-platform.properties});
 * a longer run:
 * <pre>{@code mvn -pl api test -Dtest=ImageBytesFuzzTest -Djqwik.tries.default=20000}</pre>
 */
class ImageBytesFuzzTest {

    private static final long LIMIT = 4_000_000;
    private static final Map<String, byte[]> VALID = new LinkedHashMap<>();
    private static final Guard GUARD = new Guard(60);

    static {
        for (String format : HostileImages.FORMATS) {
            VALID.put(format, HostileImages.valid(format));
        }
    }

    @AfterContainer
    static void stopGuard() {
        GUARD.close();
    }

    @Property
    void read_mutatedOrRandomBytes_giveAnImageOrImageReadException(@ForAll("hostileBytes") byte[] bytes)
            throws Exception {
        String outcome = GUARD.call(() -> {
            try {
                BufferedImage image = ImageFiles.read(new ByteArrayInputStream(bytes), "fuzz", LIMIT);
                assertThat((long) image.getWidth() * image.getHeight()).isLessThanOrEqualTo(LIMIT);
                return "decoded";
            } catch (ImageReadException e) {
                assertThat(e.getMessage()).startsWith("Cannot read image fuzz: ");
                return e.reason().toString();
            }
        }, bytes.length + " bytes starting " + Arrays.toString(Arrays.copyOf(bytes, Math.min(16, bytes.length))));
        Statistics.collect(outcome);
    }

    @Provide
    Arbitrary<byte[]> hostileBytes() {
        Arbitrary<byte[]> mutated = Combinators.combine(Arbitraries.of(HostileImages.FORMATS),
                Arbitraries.longs(), Arbitraries.integers().between(1, 6))
                .as((format, seed, mutations) -> mutate(VALID.get(format), seed, mutations));
        Arbitrary<byte[]> signatureThenRandom = Combinators.combine(Arbitraries.of(HostileImages.FORMATS),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(2048))
                .as((format, tail) -> {
                    byte[] head = Arrays.copyOf(VALID.get(format), 8);
                    byte[] bytes = Arrays.copyOf(head, 8 + tail.length);
                    System.arraycopy(tail, 0, bytes, 8, tail.length);
                    return bytes;
                });
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(2048);
        return Arbitraries.frequencyOf(Tuple.of(7, mutated), Tuple.of(2, signatureThenRandom), Tuple.of(1, random));
    }

    /** A few mutations of the kinds that real damage and hostile files show, reproducible from {@code seed}. */
    static byte[] mutate(byte[] valid, long seed, int mutations) {
        Random random = new Random(seed);
        byte[] bytes = valid.clone();
        for (int i = 0; i < mutations && bytes.length > 0; i++) {
            // headers hold the sizes, offsets and counts that decoders trust: hit them more often
            int position = random.nextBoolean() ? random.nextInt(Math.min(64, bytes.length))
                    : random.nextInt(bytes.length);
            switch (random.nextInt(5)) {
                case 0:
                    bytes[position] ^= (byte) (1 << random.nextInt(8));
                    break;
                case 1:
                    bytes[position] = (byte) random.nextInt(256);
                    break;
                case 2:
                    if (position + 4 <= bytes.length) {
                        int[] extremes = {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0xFFFF, 0x10000, random.nextInt()};
                        ByteBuffer.wrap(bytes).putInt(position, extremes[random.nextInt(extremes.length)]);
                    }
                    break;
                case 3:
                    bytes = Arrays.copyOf(bytes, position);
                    break;
                default:
                    byte[] inserted = new byte[1 + random.nextInt(16)];
                    random.nextBytes(inserted);
                    byte[] longer = new byte[bytes.length + inserted.length];
                    System.arraycopy(bytes, 0, longer, 0, position);
                    System.arraycopy(inserted, 0, longer, position, inserted.length);
                    System.arraycopy(bytes, position, longer, position + inserted.length, bytes.length - position);
                    bytes = longer;
                    break;
            }
        }
        return bytes;
    }
}
