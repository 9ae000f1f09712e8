package org.chartroom.api.http;

/**
 * An RFC 9457 problem detail, the body of every error response ({@code application/problem+json}).
 *
 * @param type     a URI naming the kind of problem ({@code urn:chartroom:problem:<kind>})
 * @param title    the HTTP reason phrase
 * @param status   the HTTP status code
 * @param detail   what went wrong and how to fix it; never PHI
 * @param instance the request path
 */
public record Problem(String type, String title, int status, String detail, String instance) {
    public static final String MEDIA_TYPE = "application/problem+json";

    static String typeFor(String kind) {
        return "urn:chartroom:problem:" + kind;
    }
}
