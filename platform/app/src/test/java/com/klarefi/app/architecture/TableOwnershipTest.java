package com.klarefi.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each module owns its schema. This reads the main sources and migrations of every module and
 * refuses SQL that names another module's schema (e.g. {@code FROM cases.documents} in
 * {@code processing}); modules talk through api interfaces instead.
 */
class TableOwnershipTest {
    private static final List<String> MODULES =
            List.of("auth", "ratelimit", "cases", "extraction", "processing", "webhooks", "erasure", "intake");

    @Test
    void noModuleNamesAnotherModulesTablesInItsSql() throws IOException {
        List<String> violations = new ArrayList<>();
        for (String module : MODULES) {
            Path root =
                    RepositoryFiles.root().resolve("modules").resolve(module).resolve("src/main");
            List<Path> sources;
            try (Stream<Path> files = Files.walk(root)) {
                sources = files.filter(path -> path.toString().endsWith(".java")
                                || path.toString().endsWith(".sql"))
                        .toList();
            }
            for (String other : MODULES) {
                if (other.equals(module)) {
                    continue;
                }
                Pattern foreign =
                        Pattern.compile("(?i)\\b(from|join|into|update|table|references)\\s+" + other + "\\.\\w+");
                for (Path source : sources) {
                    if (foreign.matcher(Files.readString(source)).find()) {
                        violations.add(module + " uses tables of " + other + " in " + root.relativize(source));
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void extractionOwnsNoTablesAtAll() throws IOException {
        Path main = RepositoryFiles.root().resolve("modules/extraction/src/main");
        try (Stream<Path> files = Files.walk(main)) {
            assertThat(files.filter(path -> path.toString().endsWith(".sql")).toList())
                    .isEmpty();
        }
        assertThat(main.resolve("resources/db")).doesNotExist();
    }
}
