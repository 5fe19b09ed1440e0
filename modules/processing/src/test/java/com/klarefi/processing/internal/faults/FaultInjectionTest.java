package com.klarefi.processing.internal.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.klarefi.platform.config.Settings;
import com.klarefi.platform.config.SettingsException;
import com.klarefi.processing.internal.faults.FaultInjection.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {
    private final List<Integer> halts = new ArrayList<>();

    @Test
    void isOffByDefault() {
        assertThat(FaultInjection.from(Settings.of(Map.of())).armed()).isEmpty();
    }

    @Test
    void readsEachPointByItsSettingValue() {
        for (Point point : Point.values()) {
            Settings settings = Settings.of(Map.of(FaultInjection.SETTING, point.settingValue()));

            assertThat(FaultInjection.from(settings).armed()).contains(point);
        }
    }

    @Test
    void refusesAnUnknownPointSoATypoCannotSilentlyDisableACrashTest() {
        Settings settings = Settings.of(Map.of(FaultInjection.SETTING, "halt-sometimes"));

        assertThatThrownBy(() -> FaultInjection.from(settings))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining(FaultInjection.SETTING)
                .hasMessageContaining("halt-sometimes");
    }

    @Test
    void haltsLikeSigkillOnlyAtTheArmedPoint() {
        FaultInjection faults = new FaultInjection(Optional.of(Point.HALT_IN_JOB), halts::add);

        faults.at(Point.HALT_AFTER_ACCEPT);
        assertThat(halts).isEmpty();

        faults.at(Point.HALT_IN_JOB);
        assertThat(halts).containsExactly(137);
    }

    @Test
    void neverHaltsWhenOff() {
        FaultInjection faults = new FaultInjection(Optional.empty(), halts::add);

        for (Point point : Point.values()) {
            faults.at(point);
        }

        assertThat(halts).isEmpty();
    }
}
