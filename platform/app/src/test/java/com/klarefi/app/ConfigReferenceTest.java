package com.klarefi.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.klarefi.app.architecture.RepositoryFiles;
import com.klarefi.platform.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The operators' documentation must name every setting the artifact knows. */
class ConfigReferenceTest {
    @Test
    void everyBuiltInSettingIsDocumentedInTheConfigReference() throws IOException {
        String reference = Files.readString(RepositoryFiles.root().resolve("ops/config-reference.md"));

        for (String name : Settings.of(Map.of()).knownNames()) {
            assertThat(reference)
                    .as("ops/config-reference.md documents " + name)
                    .contains("`" + name + "`");
        }
    }

    @Test
    void theExampleProductionConfigUsesOnlyKnownSettings() throws IOException {
        var example = RepositoryFiles.root().resolve("ops/klarefi.env.example");

        Settings settings = Settings.load(Map.of(), Optional.of(example));

        assertThat(settings.required("KLAREFI_MODE")).isEqualTo("production");
    }
}
