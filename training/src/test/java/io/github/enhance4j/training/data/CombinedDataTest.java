package io.github.enhance4j.training.data;

import io.github.enhance4j.TrainingData;
import io.github.enhance4j.image.FloatImage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CombinedDataTest {

    /** Images whose single grey value is their identity: {@code id / 100}. */
    private static TrainingData images(int firstId, int training, int validation) {
        List<FloatImage> t = new ArrayList<>();
        List<FloatImage> v = new ArrayList<>();
        for (int i = 0; i < training + validation; i++) {
            FloatImage image = new FloatImage(2, 2, 1, false);
            java.util.Arrays.fill(image.colorData(), (firstId + i) / 100f);
            (i < training ? t : v).add(image);
        }
        return TrainingData.of(t, v);
    }

    private static int id(FloatImage image) {
        return Math.round(image.colorData()[0] * 100);
    }

    @Test
    void trainingIndices_repeatEachPartByItsWeight_inOrder() {
        CombinedData data = new CombinedData(List.of(new CombinedData.Part(images(0, 3, 1), 1, 10),
                new CombinedData.Part(images(10, 2, 2), 3, 10)));

        assertThat(data.trainingSize()).isEqualTo(3 + 2 * 3);
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < data.trainingSize(); i++) {
            ids.add(id(data.trainingImage(i)));
        }
        assertThat(ids).containsExactly(0, 1, 2, 10, 11, 10, 11, 10, 11);
        assertThat(data.trainingEntriesPerPart()).containsExactly(3, 6);
    }

    @Test
    void validation_isEachPartsOwn_cappedPerPart_neverRepeated() {
        CombinedData data = new CombinedData(List.of(new CombinedData.Part(images(0, 3, 4), 1, 2),
                new CombinedData.Part(images(20, 2, 2), 5, 10)));

        assertThat(data.validationSize()).isEqualTo(2 + 2);
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < data.validationSize(); i++) {
            ids.add(id(data.validationImage(i)));
        }
        assertThat(ids).containsExactly(3, 4, 22, 23);
        assertThatThrownBy(() -> data.validationImage(4)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void badParts_areRefusedWithTheReason() {
        assertThatThrownBy(() -> new CombinedData.Part(images(0, 1, 0), 0, 1)).hasMessageContaining("repeat");
        assertThatThrownBy(() -> new CombinedData(List.of())).hasMessageContaining("no data sets");
    }
}
