package com.klarefi.ratelimit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.klarefi.platform.config.SettingsException;
import com.klarefi.platform.db.Database;
import com.klarefi.platform.http.ApiRoutes;
import com.klarefi.platform.http.Route;
import com.klarefi.platform.module.Platform;
import com.klarefi.testing.TestDatabase;
import com.klarefi.testing.TestPlatforms;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RateLimitModuleTest {
    private static TestDatabase testDatabase;
    private static Database database;

    @BeforeAll
    static void startDatabase() {
        testDatabase = TestDatabase.create();
        database = Database.connect(testDatabase.connectionSettings());
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
        testDatabase.close();
    }

    @Test
    void theDefaultLimitComesFromTheSetting() {
        // a clock that stands still: five requests in one window, never split by a minute boundary
        Clock standing = Clock.fixed(Instant.parse("2026-01-05T10:00:30Z"), ZoneOffset.UTC);
        try (RateLimits rateLimits = RateLimitModule.create(
                TestPlatforms.create(database, Map.of(RateLimitModule.LIMIT_SETTING, "3"), standing))) {
            int allowed = 0;
            for (int i = 0; i < 5; i++) {
                allowed += rateLimits.acquire("org_module").allowed() ? 1 : 0;
            }

            assertThat(allowed).isEqualTo(3);
            assertThat(rateLimits.limitOf("org_module").requestsPerMinute()).isEqualTo(3);
        }
    }

    @Test
    void theModuleOffersTheAdminRoutes() {
        ApiRoutes admin = new ApiRoutes("/admin/v1", Route.Access.ADMIN);
        try (RateLimits rateLimits = RateLimitModule.create(platform("100"))) {
            rateLimits.adminRoutes(admin);
        }

        assertThat(admin.routes())
                .extracting(route -> route.method().text() + " " + route.template())
                .containsExactlyInAnyOrder(
                        "GET /admin/v1/organisations/{orgId}/rate-limit",
                        "PUT /admin/v1/organisations/{orgId}/rate-limit",
                        "DELETE /admin/v1/organisations/{orgId}/rate-limit");
    }

    @Test
    void aDefaultLimitBelowOneIsRefusedAtStart() {
        assertThatThrownBy(() -> RateLimitModule.create(platform("0")))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("KLAREFI_RATE_LIMIT_PER_MINUTE");
    }

    private static Platform platform(String limit) {
        return TestPlatforms.create(database, Map.of(RateLimitModule.LIMIT_SETTING, limit));
    }
}
