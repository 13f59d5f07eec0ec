package io.github.enhance4j.backend.onnx.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The smallest protobuf wire-format encoder that ONNX models need: varints, 32-bit floats, packed repeated floats
 * and int64s, byte strings and nested (length-delimited) messages.
 *
 * <p>It exists so that tests can build ONNX models in code without a protobuf dependency. Fields are written in
 * the order the caller writes them; protobuf parsers accept any order, and repeated fields keep their order.
 * Not thread-safe; one writer builds one message.
 */
final class ProtoWriter {

    static final int WIRE_VARINT = 0;
    static final int WIRE_FIXED64 = 1;
    static final int WIRE_LENGTH_DELIMITED = 2;
    static final int WIRE_FIXED32 = 5;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Writes an {@code int32}, {@code int64}, {@code uint64}, {@code bool} or enum field. */
    ProtoWriter varint(int fieldNumber, long value) {
        tag(fieldNumber, WIRE_VARINT);
        writeVarint(value);
        return this;
    }

    /** Same encoding as {@link #varint}; the name mirrors the {@code .proto} type for readability at call sites. */
    ProtoWriter int64(int fieldNumber, long value) {
        return varint(fieldNumber, value);
    }

    /** Writes a single {@code float} field (wire type 5, little-endian IEEE 754). */
    ProtoWriter float32(int fieldNumber, float value) {
        tag(fieldNumber, WIRE_FIXED32);
        writeFixed32(Float.floatToRawIntBits(value));
        return this;
    }

    /** Writes a packed {@code repeated float}: one length-delimited field holding 4 bytes per value. */
    ProtoWriter packedFloats(int fieldNumber, float... values) {
        ByteBuffer packed = ByteBuffer.allocate(Math.multiplyExact(values.length, Float.BYTES))
                .order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            packed.putFloat(value);
        }
        return bytes(fieldNumber, packed.array());
    }

    /** Writes a packed {@code repeated int64}: one length-delimited field holding the values as varints. */
    ProtoWriter packedInt64(int fieldNumber, long... values) {
        ProtoWriter packed = new ProtoWriter();
        for (long value : values) {
            packed.writeVarint(value);
        }
        return bytes(fieldNumber, packed.toByteArray());
    }

    /** Writes a {@code bytes} field. */
    ProtoWriter bytes(int fieldNumber, byte[] value) {
        tag(fieldNumber, WIRE_LENGTH_DELIMITED);
        writeVarint(value.length);
        out.writeBytes(value);
        return this;
    }

    /** Writes a {@code string} field as UTF-8. */
    ProtoWriter string(int fieldNumber, String value) {
        return bytes(fieldNumber, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes an embedded message field; the nested writer's bytes become the field's payload. */
    ProtoWriter message(int fieldNumber, ProtoWriter nested) {
        return bytes(fieldNumber, nested.toByteArray());
    }

    /** The message written so far. */
    byte[] toByteArray() {
        return out.toByteArray();
    }

    /** The varint encoding of {@code value}; negative values take ten bytes, as protobuf prescribes for int64. */
    static byte[] encodeVarint(long value) {
        ProtoWriter writer = new ProtoWriter();
        writer.writeVarint(value);
        return writer.toByteArray();
    }

    private void tag(int fieldNumber, int wireType) {
        if (fieldNumber < 1 || fieldNumber > 0x1FFF_FFFF) {
            throw new IllegalArgumentException("Field number " + fieldNumber + " is outside 1..2^29-1");
        }
        writeVarint(((long) fieldNumber << 3) | wireType);
    }

    private void writeVarint(long value) {
        // Unsigned shift: a negative int64 is its two's complement as an unsigned 64-bit number.
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    private void writeFixed32(int bits) {
        out.write(bits);
        out.write(bits >>> 8);
        out.write(bits >>> 16);
        out.write(bits >>> 24);
    }
}
