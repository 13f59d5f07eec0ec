package io.github.enhance4j.backend.dl4j;

import io.github.enhance4j.Device;
import io.github.enhance4j.EnhanceException;
import io.github.enhance4j.EnhanceOptions;
import io.github.enhance4j.Enhancer;
import io.github.enhance4j.ModelLoadException;
import io.github.enhance4j.ModelSource;
import io.github.enhance4j.Trainer;
import io.github.enhance4j.TrainingConfig;
import io.github.enhance4j.image.Tensor;
import io.github.enhance4j.spi.ModelMetadataKeys;
import onnx.Onnx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Dl4jEnhancerProviderTest {

    @TempDir
    Path dir;

    @Test
    void load_exportedOnnx_withOnlyThisBackend_runsOnDl4j() throws Exception {
        Path model = dir.resolve("espcn-x3.onnx");
        Files.write(model, TestModels.randomlyInitialised("espcn", 3, 1));

        try (Enhancer e = Enhancer.load(model)) {
            BufferedImage out = e.enhance(new BufferedImage(10, 7, BufferedImage.TYPE_INT_RGB));

            assertThat(e.info().backend()).isEqualTo("dl4j");
            assertThat(e.info().architecture()).isEqualTo("espcn");
            assertThat(e.info().metadata()).containsEntry(ModelMetadataKeys.SCALE, "3");
            assertThat(out.getWidth()).isEqualTo(30);
            assertThat(out.getHeight()).isEqualTo(21);
        }
    }

    @Test
    void open_checkpoint_runsTheCheckpointsModel() {
        Path checkpoints = dir.resolve("ckpt");
        byte[] exported;
        try (Dl4jTrainer t = Dl4jTrainer.create(TrainingConfig.builder().epochs(1).batchSize(2)
                .degradation("pixelate:0.5").checkpointDirectory(checkpoints).build())) {
            t.train(TestData.of(2, 1, 16), ev -> { });
            exported = t.onnx();
        }
        Path checkpoint = checkpoints.resolve(Checkpoint.FILE_NAME);
        Dl4jEnhancerProvider provider = new Dl4jEnhancerProvider();
        Tensor input = TestData.image(13, 10, 5).asTensor(); // not a multiple of 4: padded and cropped back

        assertThat(provider.supports(ModelSource.of(checkpoint))).isTrue();
        try (Dl4jEngine fromCheckpoint = Dl4jEngine.open(ModelSource.of(checkpoint), EnhanceOptions.defaults());
                Dl4jEngine fromOnnx = Dl4jEngine.open(ModelSource.of(exported, "m.onnx"), EnhanceOptions.defaults())) {
            Tensor a = fromCheckpoint.run(input);
            Tensor b = fromOnnx.run(input);

            assertThat(a.shape()).containsExactly(1, 3, 10, 13);
            assertThat(a.data()).containsExactly(b.data());
            assertThat(fromCheckpoint.info().architecture()).isEqualTo("seed-autoencoder");
        }
    }

    @Test
    void open_foreignOperators_namesThemAndTheOnnxBackend() {
        Onnx.GraphProto graph = Onnx.GraphProto.newBuilder().setName("foreign")
                .addNode(Onnx.NodeProto.newBuilder().setOpType("Sigmoid").addInput("x").addOutput("y"))
                .addNode(Onnx.NodeProto.newBuilder().setOpType("Relu").addInput("y").addOutput("z"))
                .addNode(Onnx.NodeProto.newBuilder().setOpType("LeakyRelu").addInput("z").addOutput("out"))
                .addInput(Onnx.ValueInfoProto.newBuilder().setName("x"))
                .addOutput(Onnx.ValueInfoProto.newBuilder().setName("out")).build();
        byte[] bytes = Onnx.ModelProto.newBuilder().setIrVersion(7).setGraph(graph)
                .addOpsetImport(Onnx.OperatorSetIdProto.newBuilder().setVersion(13)).build().toByteArray();
        ModelSource model = ModelSource.of(bytes, "foreign.onnx");

        assertThat(new Dl4jEnhancerProvider().supports(model)).isTrue();
        assertThatThrownBy(() -> new Dl4jEnhancerProvider().open(model, EnhanceOptions.defaults()))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("foreign.onnx")
                .hasMessageContaining("[LeakyRelu, Sigmoid]")
                .hasMessageContaining("enhance4j-backend-onnx")
                .extracting(e -> ((ModelLoadException) e).reason()).isEqualTo(ModelLoadException.Reason.INCOMPATIBLE);
    }

    @Test
    void open_cuda_isRefusedWithWhatToUseInstead() {
        ModelSource model = ModelSource.of(TestModels.randomlyInitialised("espcn", 2, 1), "m.onnx");

        assertThatThrownBy(() -> new Dl4jEnhancerProvider().open(model,
                EnhanceOptions.builder().device(Device.cuda(0)).build()))
                .isInstanceOf(EnhanceException.class).hasMessageContaining("onnxruntime_gpu");
    }

    @Test
    void trainerCreate_unknownScale_failsBeforeStartingNd4j() {
        assertThatThrownBy(() -> Trainer.create(TrainingConfig.builder().backend("dl4j").scale(2).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("espcn");
        assertThat(new Dl4jTrainerProvider().architectures()).containsExactlyInAnyOrder("seed-autoencoder", "espcn",
                "restore-unet", "restore-unet-deep", "restore-unet-deeper", "compact-sr", "compact-sr-deep",
                "compact-sr-deeper");
    }

    @Test
    void train_degradationOfWrongSize_saysWhichToUse() {
        try (Trainer t = Trainer.create(TrainingConfig.builder().backend("dl4j").architecture("espcn").scale(2)
                .degradation("pixelate:0.5").batchSize(2).epochs(1).build())) {
            assertThatThrownBy(() -> t.train(TestData.of(2, 0, 16), ev -> { }))
                    .hasMessageContaining("bicubic:2");
        }
    }

    @Test
    void train_seedOnSidesNotMultipleOf4_saysWhatToDo() {
        try (Trainer t = Trainer.create(TrainingConfig.builder().backend("dl4j").degradation("pixelate:0.5")
                .batchSize(2).epochs(1).build())) {
            assertThatThrownBy(() -> t.train(TestData.of(2, 1, 18), ev -> { }))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("multiples of 4").hasMessageContaining("18x18");
        }
    }
}
