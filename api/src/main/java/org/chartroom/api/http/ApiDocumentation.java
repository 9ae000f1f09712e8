package org.chartroom.api.http;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * The OpenAPI document's header. Micronaut OpenAPI writes the document from the controllers at compile time; the
 * server serves it at {@code /swagger/chartroom-api.yml} and a browsable Swagger UI at {@code /swagger-ui/}. Neither
 * holds PHI, so both are public; every call the UI makes still needs a bearer token from {@code POST /login}.
 */
@OpenAPIDefinition(
        info = @Info(title = "Chartroom", version = "0.1",
                description = "Health Information Management: intake of reports, scans and dictations; search; "
                        + "drafts and corrections; the audit trail. Sign in with POST /login (JSON username and "
                        + "password) and send the access_token as a bearer token.",
                license = @License(name = "Apache-2.0")),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
final class ApiDocumentation {
    private ApiDocumentation() {
    }
}
