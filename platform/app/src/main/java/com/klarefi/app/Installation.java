package com.klarefi.app;

import com.klarefi.platform.config.Mode;
import com.klarefi.platform.config.Settings;
import com.klarefi.platform.config.SettingsException;
import com.klarefi.platform.db.ConnectionSettings;
import com.klarefi.platform.db.EmbeddedDatabase;
import com.klarefi.platform.ids.Ids;
import com.klarefi.platform.secrets.Secrets;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything that differs between installations, resolved once at start: the mode, the data
 * directory, the secrets, the public address and where the database is (starting the embedded one
 * when no external database is configured). A missing required setting fails here, by name.
 */
final class Installation implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Installation.class.getName());

    private final Mode mode;
    private final Path dataDirectory;
    private final Secrets secrets;
    private final Optional<String> dashboardPassword;
    private final URI publicBaseUrl;
    private final ConnectionSettings connection;
    private final EmbeddedDatabase embedded;
    private final InstanceLock lock;

    private Installation(
            Mode mode,
            Path dataDirectory,
            Secrets secrets,
            Optional<String> dashboardPassword,
            URI publicBaseUrl,
            ConnectionSettings connection,
            EmbeddedDatabase embedded,
            InstanceLock lock) {
        this.lock = lock;
        this.mode = mode;
        this.dataDirectory = dataDirectory;
        this.secrets = secrets;
        this.dashboardPassword = dashboardPassword;
        this.publicBaseUrl = publicBaseUrl;
        this.connection = connection;
        this.embedded = embedded;
    }

    /** For {@code serve}: owns the data directory; starts the embedded database when needed. */
    static Installation open(Settings settings) {
        return open(settings, false);
    }

    /**
     * For admin commands: like {@link #open(Settings)}, but when a running instance already owns the
     * embedded database, joins it instead of starting a second one.
     */
    static Installation openForAdmin(Settings settings) {
        return open(settings, true);
    }

    private static Installation open(Settings settings, boolean joinRunning) {
        Mode mode = Mode.of(settings);
        Path dataDirectory =
                Path.of(settings.required("KLAREFI_DATA_DIR")).toAbsolutePath().normalize();
        Secrets secrets = new Secrets(masterSecret(settings, mode, dataDirectory));
        Optional<String> dashboardPassword = dashboardPassword(settings, mode, dataDirectory);
        URI publicBaseUrl = publicBaseUrl(settings, mode);
        int poolSize = settings.integer("KLAREFI_DB_POOL_SIZE");
        Duration socketTimeout = settings.seconds("KLAREFI_DB_SOCKET_TIMEOUT_SECONDS");
        if (socketTimeout.isNegative()) {
            throw new SettingsException(
                    "KLAREFI_DB_SOCKET_TIMEOUT_SECONDS must be 0 (no bound) or more, got " + socketTimeout.toSeconds());
        }
        Optional<String> externalUrl = settings.optional("KLAREFI_DB_URL");
        if (externalUrl.isPresent()) {
            String url = externalUrl.get();
            if (!url.startsWith("jdbc:postgresql://")) {
                throw new SettingsException("KLAREFI_DB_URL must look like jdbc:postgresql://host:5432/klarefi");
            }
            ConnectionSettings connection = new ConnectionSettings(
                    url,
                    settings.optional("KLAREFI_DB_USER"),
                    settings.optional("KLAREFI_DB_PASSWORD"),
                    poolSize,
                    settings.seconds("KLAREFI_DB_CONNECT_TIMEOUT_SECONDS"),
                    socketTimeout);
            return new Installation(
                    mode, dataDirectory, secrets, dashboardPassword, publicBaseUrl, connection, null, null);
        }
        Optional<InstanceLock> lock = InstanceLock.tryAcquire(dataDirectory);
        if (lock.isEmpty()) {
            Optional<Integer> running = EmbeddedDatabase.runningPort(dataDirectory.resolve("postgres"));
            if (joinRunning && running.isPresent()) {
                return new Installation(
                        mode,
                        dataDirectory,
                        secrets,
                        dashboardPassword,
                        publicBaseUrl,
                        EmbeddedDatabase.attached(running.get(), 2, databasePassword(dataDirectory))
                                .withSocketTimeout(socketTimeout),
                        null,
                        null);
            }
            throw new SettingsException(
                    "another Klarefi instance is using KLAREFI_DATA_DIR=" + dataDirectory
                            + "; stop it, or give this instance its own data directory or an external database (KLAREFI_DB_URL)");
        }
        try {
            EmbeddedDatabase embedded = EmbeddedDatabase.start(
                    dataDirectory.resolve("postgres"),
                    settings.port("KLAREFI_EMBEDDED_DB_PORT"),
                    databasePassword(dataDirectory));
            return new Installation(
                    mode,
                    dataDirectory,
                    secrets,
                    dashboardPassword,
                    publicBaseUrl,
                    embedded.connectionSettings(poolSize).withSocketTimeout(socketTimeout),
                    embedded,
                    lock.get());
        } catch (RuntimeException e) {
            lock.get().close();
            throw e;
        }
    }

    Mode mode() {
        return mode;
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    Secrets secrets() {
        return secrets;
    }

    Optional<String> dashboardPassword() {
        return dashboardPassword;
    }

    URI publicBaseUrl() {
        return publicBaseUrl;
    }

    ConnectionSettings connection() {
        return connection;
    }

    boolean embeddedDatabase() {
        return embedded != null;
    }

    private static byte[] masterSecret(Settings settings, Mode mode, Path dataDirectory) {
        Optional<String> configured = settings.optional("KLAREFI_SECRET_KEY");
        if (configured.isPresent()) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(configured.get());
            } catch (IllegalArgumentException e) {
                throw new SettingsException(
                        "KLAREFI_SECRET_KEY must be base64 (generate one with: openssl rand -base64 32)");
            }
            if (key.length < Secrets.MASTER_KEY_BYTES) {
                throw new SettingsException("KLAREFI_SECRET_KEY must decode to at least " + Secrets.MASTER_KEY_BYTES
                        + " bytes (generate one with: openssl rand -base64 32)");
            }
            return key;
        }
        if (mode == Mode.PRODUCTION) {
            throw new SettingsException("KLAREFI_SECRET_KEY is required in production mode "
                    + "(generate one with: openssl rand -base64 32, and give every instance the same value)");
        }
        String stored = generatedSecret(
                dataDirectory.resolve("secrets/master.key"), () -> Secrets.randomBase64(Secrets.MASTER_KEY_BYTES));
        return Base64.getDecoder().decode(stored);
    }

    private static Optional<String> dashboardPassword(Settings settings, Mode mode, Path dataDirectory) {
        if (!settings.flag("KLAREFI_DASHBOARD_ENABLED")) {
            return Optional.empty();
        }
        Optional<String> configured = settings.optional("KLAREFI_DASHBOARD_PASSWORD");
        if (configured.isPresent()) {
            return configured;
        }
        if (mode == Mode.PRODUCTION) {
            throw new SettingsException("KLAREFI_DASHBOARD_PASSWORD is required in production mode "
                    + "(or set KLAREFI_DASHBOARD_ENABLED=false)");
        }
        Path file = dataDirectory.resolve("secrets/dashboard-password");
        String password = generatedSecret(file, () -> Ids.randomToken(24));
        LOG.log(System.Logger.Level.INFO, "job dashboard password generated; read it from " + file);
        return Optional.of(password);
    }

    private static URI publicBaseUrl(Settings settings, Mode mode) {
        Optional<String> configured = settings.optional("KLAREFI_PUBLIC_BASE_URL");
        if (configured.isEmpty() && mode == Mode.PRODUCTION) {
            throw new SettingsException("KLAREFI_PUBLIC_BASE_URL is required in production mode "
                    + "(the https address applicants and webhooks reach this service at)");
        }
        String raw = configured.orElse("http://localhost:" + settings.port("KLAREFI_HTTP_PORT"));
        try {
            URI uri = URI.create(raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw);
            if (!uri.isAbsolute()
                    || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new SettingsException("KLAREFI_PUBLIC_BASE_URL must be an absolute http(s) URL, got '" + raw + "'");
        }
    }

    /** The embedded PostgreSQL's superuser password, generated on first start. */
    private static String databasePassword(Path dataDirectory) {
        return generatedSecret(dataDirectory.resolve("secrets/database-password"), () -> Ids.randomToken(32));
    }

    /** Reads a generated secret, creating it (readable by the owner only) on first start. */
    private static String generatedSecret(Path file, Supplier<String> generator) {
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(
                    file.getParent(),
                    ".secret",
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            String value = generator.get();
            Files.writeString(temporary, value + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException raced) {
                Files.deleteIfExists(temporary);
            }
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new SettingsException(
                    "cannot keep a generated secret in " + file + " (KLAREFI_DATA_DIR): " + e.getMessage());
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
        if (lock != null) {
            lock.close();
        }
    }
}
