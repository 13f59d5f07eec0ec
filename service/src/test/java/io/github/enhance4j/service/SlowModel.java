package io.github.enhance4j.service;

import io.github.enhance4j.Enhancer;
import io.github.enhance4j.ModelInfo;
import io.github.enhance4j.spring.boot.EnhancerRegistryCustomizer;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Adds the model {@code slow}: it returns its input once {@link #open()} is called (20 s at most). */
@TestConfiguration(proxyBeanMethods = false)
class SlowModel {

    static final Semaphore ENTERED = new Semaphore(0);
    private static volatile CountDownLatch gate = new CountDownLatch(0);

    static void close() {
        ENTERED.drainPermits();
        gate = new CountDownLatch(1);
    }

    static void open() {
        gate.countDown();
    }

    static boolean awaitEntered(int calls) throws InterruptedException {
        return ENTERED.tryAcquire(calls, 20, TimeUnit.SECONDS);
    }

    @Bean
    EnhancerRegistryCustomizer slowModel() {
        return builder -> builder.add("slow", "waits for the test", new Enhancer() {
            @Override
            public BufferedImage enhance(BufferedImage image) {
                ENTERED.release();
                try {
                    gate.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return image;
            }

            @Override
            public void enhance(Path input, Path output) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ModelInfo info() {
                return ModelInfo.builder().backend("test").architecture("slow").build();
            }

            @Override
            public void close() {
            }
        });
    }
}
