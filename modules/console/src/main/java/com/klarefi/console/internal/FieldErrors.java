package com.klarefi.console.internal;

import com.klarefi.platform.http.ApiException;
import java.util.Map;
import java.util.Optional;

/**
 * A refused form's problem, placed beside the field it is about: the module that refused names the
 * value (detail {@code param}), and {@code fields} maps that name to the form's field. A problem no
 * field owns is shown above the form. Either way the form keeps what was typed.
 */
final class FieldErrors {
    private final Optional<ApiException> problem;
    private final Optional<String> field;

    FieldErrors(Optional<ApiException> problem, Map<String, String> fields) {
        this.problem = problem;
        this.field = problem.map(error -> error.details().get("param"))
                .map(String::valueOf)
                .map(fields::get);
    }

    /** {@code aria-invalid} and the link to the message, on the field the problem is about. */
    String attributes(String name) {
        return field.filter(name::equals).isPresent()
                ? " aria-invalid=\"true\" aria-describedby=\"" + name + "-error\""
                : "";
    }

    /** The message, right after the field it is about. */
    String beside(String name) {
        return field.filter(name::equals).isPresent() ? message(name + "-error") : "";
    }

    /** The message when no field of the form owns it. */
    String unplaced() {
        return problem.isPresent() && field.isEmpty() ? message("form-error") : "";
    }

    private String message(String id) {
        return "<p class=\"field-error\" id=\"" + id + "\" role=\"alert\">"
                + Html.text(problem.orElseThrow().getMessage()) + "</p>";
    }
}
