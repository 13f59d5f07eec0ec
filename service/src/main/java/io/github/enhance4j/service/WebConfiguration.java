package io.github.enhance4j.service;

import jakarta.servlet.Filter;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The servlet side of the limits, and headers that keep the page from being framed or sniffed. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /** Content Security Policy of every response: the page loads only its own script and style. */
    static final String CSP = "default-src 'self'; img-src 'self' blob: data:; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private final ServiceProperties limits;

    WebConfiguration(ServiceProperties limits) {
        this.limits = limits;
    }

    /** Multipart uploads get the same limit as raw bodies (and a little room for the other fields). */
    @Bean
    MultipartConfigElement multipartConfigElement() {
        MultipartConfigFactory factory = new MultipartConfigFactory();
        factory.setMaxFileSize(limits.maxUploadSize());
        factory.setMaxRequestSize(DataSize.ofBytes(limits.maxUploadSize().toBytes() + 64 * 1024));
        return factory.createMultipartConfig();
    }

    /** Past the service's own time limit, which answers first with a problem detail. */
    @Override
    public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
        configurer.setDefaultTimeout(limits.timeout().toMillis() + 30_000);
    }

    @Bean
    Filter securityHeaders() {
        return (request, response, chain) -> {
            HttpServletResponse http = (HttpServletResponse) response;
            http.setHeader("X-Content-Type-Options", "nosniff");
            http.setHeader("Content-Security-Policy", CSP);
            http.setHeader("Referrer-Policy", "no-referrer");
            chain.doFilter(request, response);
        };
    }
}
