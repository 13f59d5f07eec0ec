package io.github.enhance4j.backend.dl4j;

/**
 * Recognises an ONNX model by its first bytes without a protobuf parser: a ModelProto almost always starts with
 * {@code ir_version} (field 1, varint, small) followed by other known fields.
 */
final class OnnxSniffer {

    static final int HEADER_BYTES = 64;

    private OnnxSniffer() {
    }

    static boolean looksLikeOnnx(byte[] header) {
        if (header.length < 4) {
            return false;
        }
        // field 1 (ir_version) as varint: tag 0x08, a version 1..20
        if (header[0] != 0x08 || header[1] < 1 || header[1] > 20) {
            return false;
        }
        // the next tag is one of ModelProto's fields with its wire type
        int tag = header[2] & 0xff;
        int field = tag >>> 3;
        int wire = tag & 7;
        return wire == 2 && (field == 2 || field == 3 || field == 4 || field == 6 || field == 7 || field == 8
                || field == 14 || field == 20 || field == 25) || wire == 0 && field == 5;
    }
}
