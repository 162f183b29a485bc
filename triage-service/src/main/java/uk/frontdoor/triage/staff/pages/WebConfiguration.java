package uk.frontdoor.triage.staff.pages;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.webjars.WebJarVersionLocator;

import java.time.Duration;

/**
 * Serves the GOV.UK Design System from its WebJar. Its compiled stylesheet refers to fonts and
 * images under {@code /assets/}, so that path is mapped onto the WebJar's own assets folder; the
 * stylesheet and scripts themselves are linked under {@code /webjars/govuk-frontend/} without a
 * version (webjars-locator-lite resolves it), so upgrading the WebJar needs no template change.
 */
@Configuration
class WebConfiguration implements WebMvcConfigurer {

    static final String GOVUK_FRONTEND = "govuk-frontend";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        String version = new WebJarVersionLocator().version(GOVUK_FRONTEND);
        if (version == null) {
            throw new IllegalStateException("The govuk-frontend WebJar is not on the classpath");
        }
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/" + GOVUK_FRONTEND + "/" + version
                        + "/dist/govuk/assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(7)));
    }
}
