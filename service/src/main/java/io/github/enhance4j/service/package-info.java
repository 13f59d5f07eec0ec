/**
 * The enhance4j web service: a Spring Boot application on {@code enhance4j-spring-boot-starter} that enhances
 * uploaded images ({@code POST /api/enhance}), lists its models ({@code GET /api/models}) and serves a page at
 * {@code /}. Every limit (upload size, pixels, result size, concurrency with a short queue, time per request) is a
 * property of {@link io.github.enhance4j.service.ServiceProperties}; every error is an RFC 9457 problem detail without
 * stack traces or file paths.
 */
package io.github.enhance4j.service;
