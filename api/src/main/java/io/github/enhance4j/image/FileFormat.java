package io.github.enhance4j.image;

import java.util.Arrays;
import javax.imageio.spi.ImageWriterSpi;

/** What each file format the JDK writes can hold, which decides how {@link FormatAdapter} changes an image. */
enum FileFormat {
    PNG(true, true, true),
    JPEG(false, false, true),
    TIFF(true, true, true),
    BMP(false, false, false),
    GIF(true, false, false),
    WBMP(false, false, false),
    /** A plugin's format: nothing is assumed; the writer's own {@code canEncodeImage} decides. */
    OTHER(true, true, false);

    final boolean alpha;
    final boolean sixteenBit;
    /** Whether an ICC profile can be embedded; formats that cannot are treated as sRGB by every viewer. */
    final boolean iccProfile;

    FileFormat(boolean alpha, boolean sixteenBit, boolean iccProfile) {
        this.alpha = alpha;
        this.sixteenBit = sixteenBit;
        this.iccProfile = iccProfile;
    }

    /** Whether non-sRGB pixels must be converted to sRGB before writing. */
    boolean needsSrgb() {
        return !iccProfile && this != OTHER;
    }

    static FileFormat of(ImageWriterSpi provider) {
        if (provider == null) {
            return OTHER;
        }
        for (FileFormat format : values()) {
            if (Arrays.stream(provider.getFormatNames()).anyMatch(n -> n.equalsIgnoreCase(format.name()))) {
                return format;
            }
        }
        return OTHER;
    }
}
