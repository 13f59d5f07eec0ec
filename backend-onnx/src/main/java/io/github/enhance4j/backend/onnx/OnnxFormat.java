package io.github.enhance4j.backend.onnx;

/**
 * Recognises an ONNX model ({@code onnx.ModelProto}, a protobuf message) from its first bytes without a protobuf
 * library: the leading fields must be ModelProto fields with the right wire types and plausible values. Random
 * bytes, images and text fail within a field or two. Never throws.
 */
final class OnnxFormat {

    /** Bytes to read for sniffing: the small leading fields (IR version, producer, opsets) fit easily. */
    static final int HEADER_BYTES = 256;

    private static final int VARINT = 0;
    private static final int LENGTH_DELIMITED = 2;

    private OnnxFormat() {
    }

    /**
     * @param header    the first bytes of the file
     * @param totalSize the whole file's size, to reject lengths that run past its end
     */
    static boolean looksLikeOnnx(byte[] header, long totalSize) {
        Reader r = new Reader(header);
        int fields = 0;
        while (r.remaining() > 0) {
            long tag = r.varint();
            if (tag < 0) {
                return fields >= 2; // the header ended inside a tag
            }
            int field = (int) (tag >>> 3);
            int wire = (int) (tag & 7);
            if (!knownField(field, wire)) {
                return false;
            }
            if (wire == VARINT) {
                long value = r.varint();
                if (value < 0) {
                    return fields >= 2;
                }
                if (field == 1 && (value < 1 || value > 64)) {
                    return false; // ir_version: 1..11 today
                }
            } else {
                long length = r.varint();
                if (length < 0) {
                    return fields >= 2;
                }
                if (r.position() + length > totalSize) {
                    return false;
                }
                if (field == 7) {
                    return true; // the graph: everything that matters follows, and what preceded was valid
                }
                if (!r.skip(length)) {
                    return fields >= 1; // a valid field that runs past the header
                }
            }
            fields++;
        }
        return fields >= 2;
    }

    /** ModelProto fields (onnx.proto) and their wire types. */
    private static boolean knownField(int field, int wire) {
        switch (field) {
            case 1: // ir_version
            case 5: // model_version
                return wire == VARINT;
            case 2: // producer_name
            case 3: // producer_version
            case 4: // domain
            case 6: // doc_string
            case 7: // graph
            case 8: // opset_import
            case 14: // metadata_props
            case 20: // training_info
            case 25: // functions
                return wire == LENGTH_DELIMITED;
            default:
                return false;
        }
    }

    private static final class Reader {
        private final byte[] bytes;
        private int pos;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        int remaining() {
            return bytes.length - pos;
        }

        int position() {
            return pos;
        }

        /** The next varint, or -1 if the bytes end first or it is longer than 63 bits. */
        long varint() {
            long value = 0;
            for (int shift = 0; shift < 63; shift += 7) {
                if (pos >= bytes.length) {
                    return -1;
                }
                int b = bytes[pos++] & 0xff;
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            return -1;
        }

        boolean skip(long n) {
            if (pos + n > bytes.length) {
                return false;
            }
            pos += (int) n;
            return true;
        }
    }
}
