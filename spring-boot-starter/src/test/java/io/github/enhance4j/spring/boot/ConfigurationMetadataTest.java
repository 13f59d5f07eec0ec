package io.github.enhance4j.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** IDEs complete the properties from the metadata that spring-boot-configuration-processor writes into the jar. */
class ConfigurationMetadataTest {

    @Test
    void metadata_describesEveryPropertyWithItsDefault() throws IOException {
        String json;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("META-INF/spring-configuration-metadata.json").isNotNull();
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(json).contains("\"enhance4j.model\"", "\"enhance4j.device\"", "\"enhance4j.tile\"",
                "\"enhance4j.threads\"", "\"enhance4j.max-pixels\"", "\"enhance4j.models\"",
                "\"defaultValue\": \"sr-x2\"", "\"defaultValue\": 178956970", "The default model: a bundled model's name", "\"hints\"");
    }

    @Test
    void autoConfigurations_areRegistered() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(
                "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains(
                    Enhance4jAutoConfiguration.class.getName(), Enhance4jHealthAutoConfiguration.class.getName(),
                    Enhance4jMetricsAutoConfiguration.class.getName());
        }
    }
}
