package io.github.enhance4j.backend.onnx.testing;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Encodings checked against the examples and rules of the protobuf wire-format documentation. */
class ProtoWriterTest {

    private static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes);
    }

    @Test
    void encodeVarint_usesSevenBitGroupsLeastSignificantFirst() {
        assertThat(hex(ProtoWriter.encodeVarint(0))).isEqualTo("00");
        assertThat(hex(ProtoWriter.encodeVarint(1))).isEqualTo("01");
        assertThat(hex(ProtoWriter.encodeVarint(127))).isEqualTo("7F");
        assertThat(hex(ProtoWriter.encodeVarint(128))).isEqualTo("80 01");
        assertThat(hex(ProtoWriter.encodeVarint(300))).isEqualTo("AC 02");
        assertThat(hex(ProtoWriter.encodeVarint(2_000_000_000L))).isEqualTo("80 A8 D6 B9 07");
    }

    @Test
    void encodeVarint_negativeInt64TakesTenBytes() {
        assertThat(hex(ProtoWriter.encodeVarint(-1))).isEqualTo("FF FF FF FF FF FF FF FF FF 01");
        assertThat(hex(ProtoWriter.encodeVarint(Long.MIN_VALUE))).isEqualTo("80 80 80 80 80 80 80 80 80 01");
    }

    @Test
    void varint_prefixesTheFieldTag() {
        // The documentation's first example: field 1 = 150.
        assertThat(hex(new ProtoWriter().varint(1, 150).toByteArray())).isEqualTo("08 96 01");
        assertThat(hex(new ProtoWriter().int64(1, 300).toByteArray())).isEqualTo("08 AC 02");
        // Field 20 (AttributeProto.type) needs a two-byte tag: (20 << 3) | 0 = 160.
        assertThat(hex(new ProtoWriter().varint(20, 7).toByteArray())).isEqualTo("A0 01 07");
    }

    @Test
    void float32_isLittleEndianIeee754WithWireTypeFive() {
        assertThat(hex(new ProtoWriter().float32(2, 1f).toByteArray())).isEqualTo("15 00 00 80 3F");
        assertThat(hex(new ProtoWriter().float32(2, -2.5f).toByteArray())).isEqualTo("15 00 00 20 C0");
    }

    @Test
    void packedFloats_isOneLengthDelimitedFieldOfFourBytesPerValue() {
        byte[] encoded = new ProtoWriter().packedFloats(4, 1f, 2f, 0.5f).toByteArray();

        assertThat(hex(encoded)).isEqualTo("22 0C 00 00 80 3F 00 00 00 40 00 00 00 3F");
    }

    @Test
    void packedInt64_isOneLengthDelimitedFieldOfVarints() {
        // The documentation's packed example: field 4 = [3, 270, 86942].
        assertThat(hex(new ProtoWriter().packedInt64(4, 3, 270, 86942).toByteArray()))
                .isEqualTo("22 06 03 8E 02 9E A7 05");
        assertThat(hex(new ProtoWriter().packedInt64(1).toByteArray())).isEqualTo("0A 00");
    }

    @Test
    void string_isUtf8WithLengthPrefix() {
        assertThat(hex(new ProtoWriter().string(2, "testing").toByteArray()))
                .isEqualTo("12 07 74 65 73 74 69 6E 67");
        assertThat(hex(new ProtoWriter().string(1, "é").toByteArray())).isEqualTo("0A 02 C3 A9");
    }

    @Test
    void message_embedsTheNestedBytesAsALengthDelimitedField() {
        // The documentation's embedded-message example: field 3 holding {field 1 = 150}.
        ProtoWriter nested = new ProtoWriter().varint(1, 150);

        assertThat(hex(new ProtoWriter().message(3, nested).toByteArray())).isEqualTo("1A 03 08 96 01");
    }

    @Test
    void message_lengthAbove127UsesAMultiByteVarint() {
        byte[] encoded = new ProtoWriter().bytes(1, new byte[200]).toByteArray();

        assertThat(encoded).hasSize(1 + 2 + 200);
        assertThat(hex(java.util.Arrays.copyOf(encoded, 3))).isEqualTo("0A C8 01");
    }

    @Test
    void fieldNumberZero_isRejected() {
        assertThatThrownBy(() -> new ProtoWriter().varint(0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Field number 0");
    }

    @Test
    void reader_readsBackWhatTheWriterWrote() {
        byte[] encoded = new ProtoWriter()
                .int64(1, -5)
                .float32(2, 3.25f)
                .string(3, "name")
                .packedInt64(4, 1, 300)
                .message(5, new ProtoWriter().varint(1, 9))
                .toByteArray();

        List<ProtoReader.Field> fields = ProtoReader.parse(encoded);

        assertThat(fields).extracting(ProtoReader.Field::number).containsExactly(1, 2, 3, 4, 5);
        assertThat(fields.get(0).varint()).isEqualTo(-5);
        assertThat(java.nio.ByteBuffer.wrap(fields.get(1).payload()).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .getFloat()).isEqualTo(3.25f);
        assertThat(fields.get(2).asString()).isEqualTo("name");
        assertThat(ProtoReader.packedInt64(fields.get(3).payload())).containsExactly(1, 300);
        assertThat(ProtoReader.single(fields.get(4).asMessage(), 1).varint()).isEqualTo(9);
    }

    @Test
    void reader_rejectsAFieldCutShort() {
        byte[] encoded = new ProtoWriter().string(1, "truncated").toByteArray();

        assertThatThrownBy(() -> ProtoReader.parse(java.util.Arrays.copyOf(encoded, 5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("runs past the end");
    }
}
