package io.github.enhance4j.backend.onnx.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits one protobuf message into its top-level fields, so that tests can check what {@link ProtoWriter} and
 * {@link OnnxGraphBuilder} produced without a protobuf library. Nested messages are read by parsing a field's
 * payload again.
 */
final class ProtoReader {

    /** One field as it appears on the wire. */
    record Field(int number, int wireType, long varint, byte[] payload) {

        /** The payload of a length-delimited field decoded as UTF-8. */
        String asString() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** The payload of a length-delimited field read as a nested message. */
        List<Field> asMessage() {
            return parse(payload);
        }
    }

    private ProtoReader() {
    }

    /**
     * The fields of {@code message} in wire order.
     *
     * @throws IllegalArgumentException if the bytes end inside a field or use a wire type ONNX does not use
     */
    static List<Field> parse(byte[] message) {
        List<Field> fields = new ArrayList<>();
        int[] position = {0};
        while (position[0] < message.length) {
            long tag = readVarint(message, position);
            int number = (int) (tag >>> 3);
            int wireType = (int) (tag & 7);
            switch (wireType) {
                case ProtoWriter.WIRE_VARINT -> fields.add(new Field(number, wireType, readVarint(message, position),
                        new byte[0]));
                case ProtoWriter.WIRE_FIXED32 -> fields.add(new Field(number, wireType, 0, take(message, position, 4)));
                case ProtoWriter.WIRE_FIXED64 -> fields.add(new Field(number, wireType, 0, take(message, position, 8)));
                case ProtoWriter.WIRE_LENGTH_DELIMITED -> {
                    long length = readVarint(message, position);
                    fields.add(new Field(number, wireType, 0, take(message, position, length)));
                }
                default -> throw new IllegalArgumentException("Unsupported wire type " + wireType + " at byte "
                        + position[0]);
            }
        }
        return fields;
    }

    /** The fields of {@code message} with the given number, in wire order. */
    static List<Field> fields(List<Field> message, int number) {
        return message.stream().filter(field -> field.number() == number).toList();
    }

    /** The only field with the given number. */
    static Field single(List<Field> message, int number) {
        List<Field> matches = fields(message, number);
        if (matches.size() != 1) {
            throw new IllegalArgumentException("Expected exactly one field " + number + ", found " + matches.size());
        }
        return matches.get(0);
    }

    /** Decodes the payload of a packed {@code repeated int64}. */
    static long[] packedInt64(byte[] payload) {
        List<Long> values = new ArrayList<>();
        int[] position = {0};
        while (position[0] < payload.length) {
            values.add(readVarint(payload, position));
        }
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    private static long readVarint(byte[] bytes, int[] position) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position[0] >= bytes.length) {
                throw new IllegalArgumentException("Message ends inside a varint");
            }
            int b = bytes[position[0]++] & 0xFF;
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("Varint longer than ten bytes");
    }

    private static byte[] take(byte[] bytes, int[] position, long length) {
        if (length < 0 || length > bytes.length - position[0]) {
            throw new IllegalArgumentException("Field of " + length + " bytes runs past the end of the message");
        }
        byte[] payload = new byte[(int) length];
        System.arraycopy(bytes, position[0], payload, 0, payload.length);
        position[0] += payload.length;
        return payload;
    }
}
