package com.klarefi.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.klarefi.app.architecture.RepositoryFiles;
import com.klarefi.platform.http.ErrorTypes;
import com.klarefi.platform.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The error types and codes the guide and the OpenAPI document name are the ones the service uses. */
class ErrorCatalogueTest {
    /** The API reference's "Error Types" table. */
    private static final Set<String> REFERENCE_TYPES = Set.of(
            "authentication_error",
            "authorization_error",
            "validation_error",
            "not_found",
            "rate_limit_error",
            "internal_error");

    private static final Pattern STATUS_ROW = Pattern.compile("^\\| [45]\\d\\d \\|(.*)$", Pattern.MULTILINE);
    private static final Pattern CODE = Pattern.compile("`([a-z][a-z0-9_]+)`");

    @Test
    void theOpenApiEnumListsExactlyTheTypesTheServiceUses() throws IOException {
        JsonNode document = Json.read(resource("docs/openapi.json"));
        Set<String> documented = new TreeSet<>();
        document.at("/components/schemas/ErrorEnvelope/properties/error/properties/type/enum")
                .forEach(type -> documented.add(type.asText()));

        assertThat(documented).isEqualTo(usedTypes());
    }

    @Test
    void theGuideTablesEveryTypeBeyondTheReferenceAndWhereItIsUsed() throws IOException {
        String guide = resource("docs/api.md");
        String beyond = guide.substring(guide.indexOf("### Where Klarefi goes beyond the API reference"));
        Set<String> extra = new TreeSet<>(usedTypes());
        extra.removeAll(REFERENCE_TYPES);

        assertThat(extra).isNotEmpty().allSatisfy(type -> assertThat(beyond).contains("`type: " + type + "`"));
        assertThat(beyond).contains("`type: validation_error` with 405, 408, 409, 413, 415");
    }

    /** A code the guide promises that nothing raises (such as a 403 no endpoint answers) misleads integrators. */
    @Test
    void everyCodeInTheGuidesStatusTablesIsRaisedByTheService() throws IOException {
        String literals = mainSourceText();
        Set<String> documented = new LinkedHashSet<>();
        Matcher row = STATUS_ROW.matcher(resource("docs/api.md"));
        while (row.find()) {
            Matcher code = CODE.matcher(row.group(1));
            while (code.find()) {
                documented.add(code.group(1));
            }
        }
        documented.removeAll(usedTypes());

        assertThat(documented)
                .isNotEmpty()
                .allSatisfy(code -> assertThat(literals).as(code).contains("\"" + code + "\""));
        assertThat(documented).doesNotContain("test_mode_only");
    }

    private static Set<String> usedTypes() {
        Set<String> types = new TreeSet<>();
        for (Field field : ErrorTypes.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    types.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return types;
    }

    private static String mainSourceText() throws IOException {
        StringBuilder text = new StringBuilder();
        for (String top : Arrays.asList("modules", "platform")) {
            try (Stream<Path> files = Files.walk(RepositoryFiles.root().resolve(top))) {
                for (Path file : files.filter(path -> path.toString().endsWith(".java")
                                && path.toString().contains("/src/main/java/"))
                        .toList()) {
                    text.append(Files.readString(file));
                }
            }
        }
        return text.toString();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ErrorCatalogueTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
