package org.chartroom.api.security;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/** Argon2id password hashes (Spring Security's encoder over Bouncy Castle), with its recommended parameters. */
final class PasswordHasher {
    static final int MIN_LENGTH = 12;
    private static final Argon2PasswordEncoder ENCODER = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    /** Verified against when the user does not exist, so that a login takes as long either way. */
    private static final String DUMMY = ENCODER.encode("not-a-real-password-chartroom");

    private PasswordHasher() {
    }

    static String hash(CharSequence password) {
        return ENCODER.encode(password);
    }

    static boolean matches(CharSequence password, String hash) {
        return ENCODER.matches(password, hash);
    }

    static void burnTime(CharSequence password) {
        ENCODER.matches(password, DUMMY);
    }
}
