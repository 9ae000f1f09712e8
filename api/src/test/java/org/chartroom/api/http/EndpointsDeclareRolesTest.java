package org.chartroom.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Deny by default, checked: every HTTP route of every controller names the roles it serves. */
class EndpointsDeclareRolesTest {
    private static final List<Class<? extends Annotation>> ROUTES =
            List.of(Get.class, Post.class, Put.class, Delete.class, Patch.class);

    @Test
    void everyRouteIsSecured() throws IOException, URISyntaxException, ClassNotFoundException {
        Path dir = Path.of(DocumentController.class.getResource("DocumentController.class").toURI()).getParent();
        List<String> controllers = new ArrayList<>();
        List<String> unsecured = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = f.getFileName().toString();
                Class<?> type = Class.forName(getClass().getPackageName() + "." + name.substring(0, name.length() - 6));
                if (!type.isAnnotationPresent(Controller.class)) {
                    continue;
                }
                controllers.add(type.getSimpleName());
                for (Method m : type.getDeclaredMethods()) {
                    boolean route = ROUTES.stream().anyMatch(m::isAnnotationPresent);
                    if (route && !m.isAnnotationPresent(Secured.class) && !type.isAnnotationPresent(Secured.class)) {
                        unsecured.add(type.getSimpleName() + "." + m.getName());
                    }
                }
            }
        }
        assertFalse(controllers.isEmpty());
        assertTrue(controllers.containsAll(List.of("DocumentController", "AuditController", "DraftController",
                "SignatureController", "CodeReviewController")), controllers.toString());
        assertTrue(unsecured.isEmpty(), "routes without @Secured: " + unsecured);
    }

    /**
     * Changing a draft is clinical work: only physicians (their own documents) and transcriptionists do it; coders,
     * HIM, auditors and administrators may not, even where they may read.
     */
    @Test
    void onlyPhysiciansAndTranscriptionistsChangeDrafts() {
        List<String> changes = new ArrayList<>();
        for (Method m : DraftController.class.getDeclaredMethods()) {
            if (m.isAnnotationPresent(Put.class) || m.isAnnotationPresent(Post.class)) {
                Secured secured = m.getAnnotation(Secured.class);
                assertTrue(secured != null, m.getName() + " declares its own roles");
                assertEquals(Set.of("PHYSICIAN", "TRANSCRIPTIONIST"), Set.of(secured.value()), m.getName());
                changes.add(m.getName());
            }
        }
        assertEquals(Set.of("correct", "readyForSignature"), Set.copyOf(changes));
        assertEquals(Set.of("PHYSICIAN", "TRANSCRIPTIONIST", "HIM"),
                Set.of(DraftController.class.getAnnotation(Secured.class).value()), "who may listen and read");
    }

    /** Signing and addenda are the author's: physicians only (the controller then checks authorship). */
    @Test
    void onlyPhysiciansSignAndAddAddenda() {
        assertEquals(Set.of("PHYSICIAN"), Set.of(SignatureController.class.getAnnotation(Secured.class).value()));
        List<String> routes = new ArrayList<>();
        for (Method m : SignatureController.class.getDeclaredMethods()) {
            if (m.isAnnotationPresent(Post.class)) {
                assertFalse(m.isAnnotationPresent(Secured.class), m.getName() + " must not widen the roles");
                routes.add(m.getAnnotation(Post.class).uri());
            }
        }
        assertEquals(Set.of("/{id}/signature", "/{id}/addenda"), Set.copyOf(routes));
    }

    /** Coders and HIM staff review codes; everyone who may read the document may read its codes. */
    @Test
    void onlyCodersAndHimReviewCodes() {
        assertEquals(Set.of("CODER", "HIM"), Set.of(CodeReviewController.class.getAnnotation(Secured.class).value()));
        for (Method m : CodeReviewController.class.getDeclaredMethods()) {
            if (m.isAnnotationPresent(Put.class)) {
                assertFalse(m.isAnnotationPresent(Secured.class), m.getName() + " must not widen the roles");
            }
            if (m.isAnnotationPresent(Get.class)) {
                assertEquals(Set.of(DocumentController.class.getAnnotation(Secured.class).value()),
                        Set.of(m.getAnnotation(Secured.class).value()), "codes are read like the document");
            }
        }
    }
}
