package io.kamplatform.kit.http;

import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.util.List;

/** The roles an endpoint allows ({@code @RolesAllowed} on the method, else on its class), for a 403 that names them. */
public final class RequiredRoles {

    private RequiredRoles() {
    }

    public static List<String> of(Method method, Class<?> resourceClass) {
        RolesAllowed allowed = method == null ? null : method.getAnnotation(RolesAllowed.class);
        if (allowed == null && resourceClass != null) {
            allowed = resourceClass.getAnnotation(RolesAllowed.class);
        }
        return allowed == null ? List.of() : List.of(allowed.value());
    }
}
