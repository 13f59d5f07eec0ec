package io.github.enhance4j.models;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every bundled model ships with its card: the jar carries MODELS.md as {@code META-INF/MODELS.md}, and its
 * "Model cards" section has a card for each {@link BundledModel} with its training data, intended use, limits and
 * licence. A model added without a card fails here.
 */
class ModelCardsTest {

    private static final List<String> PARTS = List.of("- **Model**:", "- **Training data**:", "- **Intended use**:",
            "- **Limits**:", "- **Licence and data terms**:");

    @ParameterizedTest
    @EnumSource(BundledModel.class)
    void everyBundledModel_hasACardInTheJar(BundledModel model) throws IOException {
        String cards = section(modelsMd(), "## Model cards");

        String heading = "### `" + model.id() + "`";
        assertThat(cards).as("MODELS.md, section 'Model cards', needs a card headed " + heading).contains(heading + "\n");
        String card = section(cards, heading);
        for (String part : PARTS) {
            assertThat(card).as("the card of " + model.id() + " lacks " + part).contains(part);
        }
    }

    private static String modelsMd() throws IOException {
        try (InputStream in = BundledModel.class.getClassLoader().getResourceAsStream("META-INF/MODELS.md")) {
            assertThat(in).as("META-INF/MODELS.md in the enhance4j-models jar (copied from the repository root)")
                    .isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        }
    }

    /** The text under {@code heading} up to the next heading of the same or a higher level. */
    private static String section(String text, String heading) {
        int start = text.indexOf(heading + "\n");
        assertThat(start).as("heading " + heading).isNotNegative();
        String level = heading.substring(0, heading.indexOf(' ') + 1);
        int end = text.length();
        for (String prefix = level; prefix.length() > 2; prefix = prefix.substring(1)) {
            int next = text.indexOf("\n" + prefix, start + heading.length());
            if (next >= 0 && next < end) {
                end = next;
            }
        }
        return text.substring(start, end);
    }
}
