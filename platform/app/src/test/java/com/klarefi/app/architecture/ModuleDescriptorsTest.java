package com.klarefi.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Reads every module-info.java under modules/: each exports exactly one package, its api. */
class ModuleDescriptorsTest {
    private static final Pattern MODULE = Pattern.compile("module\\s+([\\w.]+)\\s*\\{");
    private static final Pattern REQUIRES =
            Pattern.compile("^\\s*requires\\s+(?:transitive\\s+|static\\s+)*([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern EXPORTS =
            Pattern.compile("^\\s*exports\\s+([\\w.]+)\\s*(to\\s+[^;]+)?;", Pattern.MULTILINE);

    @Test
    void everyBusinessModuleExportsExactlyItsApiPackage() throws IOException {
        List<Path> descriptors = descriptors();
        assertThat(descriptors).hasSize(9);
        for (Path descriptor : descriptors) {
            String source = withoutComments(Files.readString(descriptor));
            Matcher module = MODULE.matcher(source);
            assertThat(module.find()).as(descriptor.toString()).isTrue();
            String name = module.group(1);
            String folder = descriptor
                    .getParent()
                    .getParent()
                    .getParent()
                    .getParent()
                    .getFileName()
                    .toString();
            assertThat(name).as("module name of " + descriptor).isEqualTo("com.klarefi." + folder);
            List<String> exported = EXPORTS.matcher(source)
                    .results()
                    .map(result -> result.group(1))
                    .toList();
            assertThat(exported).as("exports of " + name).containsExactly(name + ".api");
            assertThat(source).as(name + " must not be an open module").doesNotContainPattern("open\\s+module");
        }
    }

    @Test
    void extractionRequiresNoModuleOfTheProductAndNoInfrastructure() throws IOException {
        Path descriptor = RepositoryFiles.root().resolve("modules/extraction/src/main/java/module-info.java");

        assertThat(platformRequirements(Files.readString(descriptor))).isEmpty();
    }

    @Test
    void theRequirementCheckCatchesADescriptorThatRequiresThePlatform() {
        String broken = """
                module com.klarefi.extraction {
                    requires org.iban4j;
                    requires transitive com.klarefi.platform;
                    requires io.helidon.webserver;
                    exports com.klarefi.extraction.api;
                }
                """;

        assertThat(platformRequirements(broken)).containsExactly("com.klarefi.platform", "io.helidon.webserver");
    }

    /** What a descriptor requires of the product, the database, HTTP or jobs. */
    private static List<String> platformRequirements(String descriptorSource) {
        return REQUIRES.matcher(withoutComments(descriptorSource))
                .results()
                .map(result -> result.group(1))
                .filter(name -> name.startsWith("com.klarefi.")
                        || name.startsWith("io.helidon")
                        || name.startsWith("org.jobrunr")
                        || name.startsWith("org.jdbi")
                        || name.equals("java.sql")
                        || name.equals("java.net.http")
                        || name.startsWith("com.zaxxer")
                        || name.startsWith("org.postgresql")
                        || name.startsWith("org.flywaydb"))
                .toList();
    }

    private static List<Path> descriptors() throws IOException {
        Path modules = RepositoryFiles.root().resolve("modules");
        try (Stream<Path> files = Files.walk(modules, 5)) {
            return files.filter(path -> path.endsWith(Path.of("src/main/java/module-info.java")))
                    .sorted()
                    .toList();
        }
    }

    private static String withoutComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
    }
}
