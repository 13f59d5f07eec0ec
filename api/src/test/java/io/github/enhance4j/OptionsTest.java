package io.github.enhance4j;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTest {

    @Test
    void defaults_areAutomaticAndTiled() {
        EnhanceOptions o = EnhanceOptions.defaults();

        assertThat(o.backend()).isEmpty();
        assertThat(o.device()).isEqualTo(Device.AUTO);
        assertThat(o.tileSize()).isEqualTo(512);
        assertThat(o.tileOverlap()).isEqualTo(16);
        assertThat(o.outscale()).isEmpty();
        assertThat(o.backendOptions()).isEmpty();
    }

    @Test
    void toBuilder_derivesWithoutChangingTheOriginal() {
        EnhanceOptions base = EnhanceOptions.builder().backend(" ONNX ").threads(2).backendOption("k", "v").build();
        EnhanceOptions derived = base.toBuilder().tileSize(128).build();

        assertThat(base.backend()).contains("onnx");
        assertThat(base.tileSize()).isEqualTo(512);
        assertThat(derived.tileSize()).isEqualTo(128);
        assertThat(derived.threads()).isEqualTo(2);
        assertThat(derived.backendOptions()).containsEntry("k", "v");
        assertThatThrownBy(() -> derived.backendOptions().put("x", "y"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void build_overlapNotBelowHalfTile_isRejected() {
        assertThatThrownBy(() -> EnhanceOptions.builder().tileSize(32).tileOverlap(16).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tileOverlap (16) must be less than half of tileSize (32)");
    }

    @Test
    void setters_rejectBadValuesNamingThem() {
        assertThatThrownBy(() -> EnhanceOptions.builder().tileSize(8)).hasMessageContaining("got 8");
        assertThatThrownBy(() -> EnhanceOptions.builder().outscale(0)).hasMessageContaining("(0, 16]");
        assertThatThrownBy(() -> EnhanceOptions.builder().threads(-1)).hasMessageContaining("got -1");
    }

    @Test
    void device_parse_acceptsDocumentedForms() {
        assertThat(Device.parse("AUTO")).isEqualTo(Device.AUTO);
        assertThat(Device.parse("cpu")).isEqualTo(Device.CPU);
        assertThat(Device.parse("cuda")).isEqualTo(Device.cuda(0));
        assertThat(Device.parse("cuda:1")).isEqualTo(Device.cuda(1));
        assertThat(Device.cuda(3)).hasToString("cuda:3");
        assertThatThrownBy(() -> Device.parse("tpu"))
                .hasMessage("Unknown device 'tpu': expected auto, cpu, cuda or cuda:N (N = GPU number, from 0)");
        assertThatThrownBy(() -> Device.parse("cuda:x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void modelInfo_describesItself() {
        ModelInfo info = ModelInfo.builder().backend("onnx").scale(4).colorMode(ColorMode.LUMA)
                .architecture("espcn").fixedInputSize(0, 0).metadata("version", "1").build();

        assertThat(info.channels()).isEqualTo(1);
        assertThat(info.metadata()).containsEntry("version", "1");
        assertThat(info).hasToString("ModelInfo[architecture=espcn, scale=4, colorMode=LUMA, range=0.0..1.0,"
                + " input=anyxany, backend=onnx, device=cpu]");
        assertThatThrownBy(() -> ModelInfo.builder().valueRange(1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void modelSource_header_readsOnlyWhatIsAsked(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = java.nio.file.Files.write(dir.resolve("m.bin"), new byte[] {1, 2, 3, 4, 5});
        ModelSource source = ModelSource.of(file);

        assertThat(source.header(3)).containsExactly(1, 2, 3);
        assertThat(source.header(99)).hasSize(5);
        assertThat(source.size()).isEqualTo(5);
        assertThat(source.path()).contains(file);
        assertThat(ModelSource.fromStream(new java.io.ByteArrayInputStream(new byte[] {9}), "s").readAllBytes())
                .containsExactly(9);
    }
}
