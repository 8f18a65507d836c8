package io.kamplatform.kit.http;

import io.kamplatform.kit.problem.Violation;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Names the query or path parameters whose value does not convert to the parameter's type. JAX-RS answers such a
 * request 404 (the resource "does not exist" for that value), which a client reads as "no such account"; the
 * platform answers 400 naming the parameter instead.
 */
public final class MistypedParameters {

    private static final Map<Class<?>, String> RULES = Map.of(
            int.class, "must be an integer", Integer.class, "must be an integer",
            long.class, "must be an integer", Long.class, "must be an integer",
            boolean.class, "must be true or false", Boolean.class, "must be true or false");

    private MistypedParameters() {
    }

    /** One violation per parameter of {@code method} whose value in the request does not convert. */
    public static List<Violation> of(Method method, UriInfo uri) {
        List<Violation> violations = new ArrayList<>();
        if (method == null) {
            return violations;
        }
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            PathParam path = parameter.getAnnotation(PathParam.class);
            String name = query != null ? query.value() : path != null ? path.value() : null;
            if (name == null) {
                continue;
            }
            List<String> values = query != null ? uri.getQueryParameters().get(name) : uri.getPathParameters().get(name);
            for (String value : values == null ? List.<String>of() : values) {
                String rule = problem(parameter.getType(), value);
                if (rule != null) {
                    violations.add(new Violation(name, rule + " (got '" + value + "')"));
                    break;
                }
            }
        }
        return violations;
    }

    private static String problem(Class<?> type, String value) {
        String rule = RULES.get(type);
        if (rule == null) {
            return type.isEnum() && !isConstant(type, value) ? "must be one of " + java.util.Arrays.toString(type.getEnumConstants()) : null;
        }
        try {
            if (type == boolean.class || type == Boolean.class) {
                return value.equals("true") || value.equals("false") ? null : rule;
            }
            if (type == int.class || type == Integer.class) {
                Integer.parseInt(value);
            } else {
                Long.parseLong(value);
            }
            return null;
        } catch (NumberFormatException e) {
            return rule;
        }
    }

    private static boolean isConstant(Class<?> type, String value) {
        for (Object constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
