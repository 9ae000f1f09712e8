package org.chartroom.api.security;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.chartroom.api.runtime.ChartroomRuntime;

/** The security beans built from the running data directory. */
@Factory
final class SecurityBeans {
    @Singleton
    UserDirectory users(ChartroomRuntime runtime) {
        return UserDirectory.open(runtime.settings().usersDir());
    }
}
