package org.lessoncommons.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What /v3/api-docs says about the API as a whole; the endpoints describe themselves. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI lessonCommonsApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("LessonCommons API")
                        .version("1")
                        .description("Everything the pages do, as JSON. Sign in with POST /login (form fields"
                                + " username, password; Accept: application/json), keep the session cookie, and"
                                + " send the XSRF-TOKEN cookie's value as the X-XSRF-TOKEN header on every unsafe"
                                + " request. Errors are RFC 9457 problem details."));
    }
}
