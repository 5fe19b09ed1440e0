package com.klarefi.app;

import com.klarefi.auth.api.Auth;
import com.klarefi.auth.api.AuthModule;
import com.klarefi.auth.api.CreatedKey;
import com.klarefi.auth.api.CreatedOrganisation;
import com.klarefi.auth.api.KeySummary;
import com.klarefi.auth.api.Operator;
import com.klarefi.auth.api.Operators;
import com.klarefi.auth.api.Organisation;
import com.klarefi.auth.api.Organisations;
import com.klarefi.platform.config.Settings;
import com.klarefi.platform.db.Database;
import com.klarefi.platform.http.ApiException;
import com.klarefi.platform.http.Environment;
import com.klarefi.platform.ids.Ids;
import com.klarefi.platform.jobs.Jobs;
import com.klarefi.platform.jobs.JobsSettings;
import com.klarefi.platform.json.Json;
import com.klarefi.platform.metrics.Metrics;
import com.klarefi.platform.module.Platform;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code klarefi admin ...}: operators' commands, run against the same database as the service
 * (joining a running instance's embedded database when there is one). {@code --json} prints one
 * JSON document on stdout for scripts; logs go to stderr.
 */
final class AdminCommands {
    private static final int GENERATED_PASSWORD_LENGTH = 24;
    private static final String USAGE = """
            usage: klarefi admin <command> [options] [--json]

              create-org --name NAME            new organisation with a test and a live key
              list-orgs                         all organisations
              create-key --org ORG --env test|live
              list-keys --org ORG               keys of an organisation (never the secrets)
              revoke-key --key KEY_ID           stops the key on every instance within seconds
              roll-key --key KEY_ID [--grace-hours N]
                                                new key; the old one works N more hours (default 24, at most 168)
              create-admin-token [--description TEXT]
                                                token for the admin API (Authorization: Bearer ...)
              create-admin --email EMAIL [--password-stdin]
                                                account for the admin dashboard; the password is read from
                                                the first line of stdin, or generated and printed once

            Secrets (keys, tokens) are printed once and never stored in clear.""";

    private AdminCommands() {}

    static int run(Settings settings, List<String> arguments, PrintStream out, PrintStream err) {
        return run(settings, arguments, System.in, out, err);
    }

    static int run(Settings settings, List<String> arguments, InputStream in, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(arguments);
        String command = args.isEmpty() ? "help" : args.removeFirst();
        if ("help".equals(command) || "--help".equals(command)) {
            out.println(USAGE);
            return 0;
        }
        Options options = Options.parse(args);
        Logger.getLogger("").setLevel(Level.WARNING);
        try (Session session = Session.open(settings)) {
            Object result = "create-admin".equals(command)
                    ? createAdmin(session.auth().operators(), options, in)
                    : execute(command, options, session.organisations());
            if (result == null) {
                err.println("klarefi admin: unknown command '" + command + "'\n\n" + USAGE);
                return 2;
            }
            out.println(options.json() ? Json.writeString(result) : text(result));
            return 0;
        } catch (ApiException e) {
            err.println("klarefi admin: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("klarefi admin: " + e.getMessage());
            return 2;
        }
    }

    private static Object execute(String command, Options options, Organisations organisations) {
        Instant now = Instant.now();
        return switch (command) {
            case "create-org" -> created(organisations.create(options.required("name")));
            case "list-orgs" ->
                organisations.list().stream().map(AdminCommands::organisation).toList();
            case "create-key" ->
                createdKey(organisations.createKey(options.required("org"), environment(options)), now);
            case "list-keys" ->
                organisations.listKeys(options.required("org")).stream()
                        .map(key -> key(key, now))
                        .toList();
            case "revoke-key" -> key(organisations.revoke(options.required("key")), now);
            case "roll-key" ->
                createdKey(
                        organisations.roll(
                                options.required("key"),
                                options.value("grace-hours")
                                        .map(hours -> Duration.ofMinutes(Math.round(Double.parseDouble(hours) * 60)))
                                        .orElse(Organisations.DEFAULT_ROLL_GRACE)),
                        now);
            case "create-admin-token" ->
                Map.of(
                        "token",
                        organisations.createAdminToken(
                                options.value("description").orElse(null)));
            default -> null;
        };
    }

    /** A dashboard account; a generated password is printed once, a given one never. */
    private static Map<String, Object> createAdmin(Operators operators, Options options, InputStream in) {
        String email = options.required("email");
        boolean fromStdin = options.flag("password-stdin");
        String password = fromStdin ? firstLine(in) : Ids.randomToken(GENERATED_PASSWORD_LENGTH);
        Operator operator = operators.create(email, password);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("operator_id", operator.operatorId());
        view.put("email", operator.email());
        if (!fromStdin) {
            view.put("password", password);
        }
        return view;
    }

    private static String firstLine(InputStream in) {
        try {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new IllegalArgumentException(
                        "--password-stdin needs the password on the first line of standard input");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Environment environment(Options options) {
        String value = options.required("env");
        return Environment.fromWire(value)
                .orElseThrow(() -> new IllegalArgumentException("--env must be test or live"));
    }

    private static Map<String, Object> created(CreatedOrganisation created) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("org_id", created.orgId());
        view.put("name", created.name());
        view.put(
                "keys",
                Map.of(
                        "test",
                        created.testKey().secret(),
                        "live",
                        created.liveKey().secret()));
        return view;
    }

    private static Map<String, Object> organisation(Organisation organisation) {
        return Map.of(
                "org_id",
                organisation.orgId(),
                "name",
                organisation.name(),
                "created_at",
                organisation.createdAt().toString());
    }

    private static Map<String, Object> key(KeySummary key, Instant now) {
        return key.view(now);
    }

    private static Map<String, Object> createdKey(CreatedKey created, Instant now) {
        Map<String, Object> view = key(created.summary(), now);
        view.put("secret", created.secret());
        return view;
    }

    private static String text(Object result) {
        if (result instanceof List<?> rows) {
            StringBuilder out = new StringBuilder();
            rows.forEach(row -> out.append(text(row)).append('\n'));
            return rows.isEmpty() ? "(none)" : out.toString().stripTrailing();
        }
        if (result instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder();
            map.forEach((name, value) -> out.append(name)
                    .append(": ")
                    .append(value instanceof Map<?, ?> inner ? inner.toString() : value)
                    .append("  "));
            return out.toString().stripTrailing();
        }
        return String.valueOf(result);
    }

    /** {@code --name value} and {@code --json} style options. */
    private record Options(Map<String, String> values, boolean json) {
        /** Options that take no value. */
        private static final Set<String> FLAGS = Set.of("password-stdin");

        static Options parse(List<String> args) {
            Map<String, String> values = new LinkedHashMap<>();
            boolean json = false;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if ("--json".equals(arg)) {
                    json = true;
                } else if (arg.startsWith("--") && FLAGS.contains(arg.substring(2))) {
                    values.put(arg.substring(2), "true");
                } else if (arg.startsWith("--") && arg.contains("=")) {
                    values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
                } else if (arg.startsWith("--") && i + 1 < args.size()) {
                    values.put(arg.substring(2), args.get(++i));
                } else {
                    throw new IllegalArgumentException("unexpected argument '" + arg + "'");
                }
            }
            return new Options(values, json);
        }

        String required(String name) {
            return value(name).orElseThrow(() -> new IllegalArgumentException("--" + name + " is required"));
        }

        boolean flag(String name) {
            return values.containsKey(name);
        }

        Optional<String> value(String name) {
            return Optional.ofNullable(values.get(name)).filter(value -> !value.isBlank());
        }
    }

    /** The database and the auth module, opened for one command and closed after it. */
    private record Session(Installation installation, Database database, Jobs jobs, Auth auth)
            implements AutoCloseable {
        static Session open(Settings settings) {
            Installation installation = Installation.openForAdmin(settings);
            Database database = Database.connect(installation.connection());
            database.ensureSchema(Jobs.SCHEMA);
            Jobs jobs = new Jobs(
                    new JobsSettings(
                            false, 1, Duration.ofSeconds(5), "admin-command", false, 0, "admin", Optional.empty()),
                    database.dataSource());
            Platform platform =
                    Platforms.create(settings, installation, database, jobs, Clock.systemUTC(), new Metrics());
            return new Session(installation, database, jobs, AuthModule.create(platform));
        }

        Organisations organisations() {
            return auth.organisations();
        }

        @Override
        public void close() {
            auth.close();
            jobs.close();
            database.close();
            installation.close();
        }
    }
}
