package io.github.enhance4j.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the service: {@code java -jar enhance-service.jar --server.port=8080}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EnhanceServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(EnhanceServiceApplication.class, args);
    }
}
