package com.klarefi.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path directory;

    @Test
    void defaultsShippedInTheArtifactApplyWhenNothingIsConfigured() {
        Settings settings = Settings.load(Map.of(), Optional.empty());

        assertThat(settings.port("KLAREFI_HTTP_PORT")).isEqualTo(8080);
        assertThat(settings.required("KLAREFI_ADMIN_HOST")).isEqualTo("127.0.0.1");
        assertThat(settings.required("KLAREFI_DATA_DIR")).isEqualTo("./klarefi-data");
        assertThat(settings.optional("KLAREFI_DB_URL")).isEmpty();
    }

    @Test
    void theConfigFileOverridesDefaultsAndTheEnvironmentOverridesTheFile() throws IOException {
        Path file = directory.resolve("klarefi.env");
        Files.writeString(file, "KLAREFI_HTTP_PORT=9000\nKLAREFI_ADMIN_PORT=\"9001\"\n");

        Settings settings = Settings.load(Map.of("KLAREFI_HTTP_PORT", "9100", "PATH", "/bin"), Optional.of(file));

        assertThat(settings.port("KLAREFI_HTTP_PORT")).isEqualTo(9100);
        assertThat(settings.port("KLAREFI_ADMIN_PORT")).isEqualTo(9001);
    }

    @Test
    void theConfigFileCanBeNamedByTheEnvironment() throws IOException {
        Path file = directory.resolve("klarefi.env");
        Files.writeString(file, "KLAREFI_ROLES=jobs\n");

        Settings settings = Settings.load(Map.of("KLAREFI_CONFIG_FILE", file.toString()), Optional.empty());

        assertThat(settings.required("KLAREFI_ROLES")).isEqualTo("jobs");
    }

    @Test
    void aTypoInTheConfigFileIsRefusedByName() throws IOException {
        Path file = directory.resolve("klarefi.env");
        Files.writeString(file, "KLAREFI_HTTP_PROT=9000\n");

        assertThatThrownBy(() -> Settings.load(Map.of(), Optional.of(file)))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("KLAREFI_HTTP_PROT");
    }

    @Test
    void aMissingConfigFileIsRefusedWithItsPath() {
        Path missing = directory.resolve("absent.env");

        assertThatThrownBy(() -> Settings.load(Map.of(), Optional.of(missing)))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void malformedValuesNameTheSetting() {
        Settings settings = Settings.of(Map.of(
                "KLAREFI_HTTP_PORT", "eighty", "KLAREFI_ADMIN_PORT", "70000", "KLAREFI_DASHBOARD_ENABLED", "maybe"));

        assertThatThrownBy(() -> settings.port("KLAREFI_HTTP_PORT")).hasMessageContaining("KLAREFI_HTTP_PORT");
        assertThatThrownBy(() -> settings.port("KLAREFI_ADMIN_PORT")).hasMessageContaining("KLAREFI_ADMIN_PORT");
        assertThatThrownBy(() -> settings.flag("KLAREFI_DASHBOARD_ENABLED")).hasMessageContaining("true or false");
    }

    @Test
    void aRequiredSettingThatIsEmptyFailsWithItsName() {
        Settings settings = Settings.of(Map.of());

        assertThatThrownBy(() -> settings.required("KLAREFI_SECRET_KEY"))
                .isInstanceOf(SettingsException.class)
                .hasMessage("KLAREFI_SECRET_KEY is required but not set");
    }

    @Test
    void theModeIsProductionWhenAnExternalDatabaseIsConfiguredUnlessSaidOtherwise() {
        assertThat(Mode.of(Settings.of(Map.of()))).isEqualTo(Mode.EMBEDDED);
        assertThat(Mode.of(Settings.of(Map.of("KLAREFI_DB_URL", "jdbc:postgresql://db/klarefi"))))
                .isEqualTo(Mode.PRODUCTION);
        assertThat(Mode.of(Settings.of(
                        Map.of("KLAREFI_DB_URL", "jdbc:postgresql://db/klarefi", "KLAREFI_MODE", "embedded"))))
                .isEqualTo(Mode.EMBEDDED);
        assertThatThrownBy(() -> Mode.of(Settings.of(Map.of("KLAREFI_MODE", "staging"))))
                .hasMessageContaining("KLAREFI_MODE");
    }
}
