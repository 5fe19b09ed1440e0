package com.klarefi.processing.internal.casetypes;

import com.klarefi.extraction.api.CaseType;
import com.klarefi.extraction.api.CaseTypes;
import com.klarefi.extraction.api.InvalidCaseTypeException;
import com.klarefi.platform.config.SettingsException;
import com.klarefi.processing.api.CaseTypeDefinition;
import com.klarefi.processing.internal.db.CaseTypeRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where case types come from, later sources overriding earlier ones: the built-ins shipped in the
 * artifact, JSON files in {@code KLAREFI_CASE_TYPES_DIR} (read at start; an invalid file stops the
 * start with what is wrong), and definitions operators PUT on the admin API (shared by all instances
 * through the database).
 */
public final class CaseTypeRegistry {
    private final Map<String, CaseTypeDefinition> shipped;
    /** Parsed operator definitions by their JSON; bounded, since definitions change rarely. */
    private final Map<String, CaseTypeDefinition> parsed =
            Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, CaseTypeDefinition> eldest) {
                    return size() > 256;
                }
            });

    private final CaseTypeRepository repository;
    private final Clock clock;

    private CaseTypeRegistry(Map<String, CaseTypeDefinition> shipped, CaseTypeRepository repository, Clock clock) {
        this.shipped = shipped;
        this.repository = repository;
        this.clock = clock;
    }

    public static CaseTypeRegistry create(Optional<Path> directory, CaseTypeRepository repository, Clock clock) {
        Map<String, CaseTypeDefinition> shipped = new LinkedHashMap<>();
        for (String json : CaseTypes.builtInDefinitions()) {
            CaseType builtIn = CaseTypes.parse(json);
            shipped.put(builtIn.id(), new CaseTypeDefinition(builtIn, json, "built-in"));
        }
        directory.ifPresent(folder -> readDirectory(folder)
                .forEach(entry -> shipped.put(entry.caseType().id(), entry)));
        return new CaseTypeRegistry(shipped, repository, clock);
    }

    public Optional<CaseTypeDefinition> find(String id) {
        return repository.find(id).map(this::admin).or(() -> Optional.ofNullable(shipped.get(id)));
    }

    /**
     * An operator's definition, parsed once per version: every accepted document and every job looks
     * its case type up, and the database stays the source of truth shared by all instances.
     */
    private CaseTypeDefinition admin(String json) {
        return parsed.compute(
                json,
                (key, known) -> known != null ? known : new CaseTypeDefinition(CaseTypes.parse(json), json, "admin"));
    }

    public boolean exists(String id) {
        return find(id).isPresent();
    }

    public List<CaseTypeDefinition> all() {
        Map<String, CaseTypeDefinition> all = new LinkedHashMap<>(shipped);
        repository.all().forEach((id, json) -> all.put(id, admin(json)));
        return List.copyOf(all.values());
    }

    /** Validates and stores an operator's definition; throws {@link InvalidCaseTypeException} with every problem. */
    public CaseTypeDefinition put(String id, String json) {
        CaseType parsed = CaseTypes.parse(json);
        if (!parsed.id().equals(id)) {
            throw new InvalidCaseTypeException(
                    List.of("$.id: is \"" + parsed.id() + "\" but the URL names \"" + id + "\""));
        }
        repository.put(id, json, clock.instant());
        return new CaseTypeDefinition(parsed, json, "admin");
    }

    private static List<CaseTypeDefinition> readDirectory(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new SettingsException("KLAREFI_CASE_TYPES_DIR is " + folder + ", which is not a directory");
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .map(file -> {
                        try {
                            String json = Files.readString(file, StandardCharsets.UTF_8);
                            return new CaseTypeDefinition(CaseTypes.parse(json), json, "file " + file.getFileName());
                        } catch (InvalidCaseTypeException e) {
                            throw new SettingsException(
                                    "case type file " + file + " is invalid: " + String.join("; ", e.problems()));
                        } catch (IOException e) {
                            throw new SettingsException("cannot read case type file " + file + ": " + e.getMessage());
                        }
                    })
                    .toList();
        } catch (IOException e) {
            throw new SettingsException("cannot list KLAREFI_CASE_TYPES_DIR " + folder + ": " + e.getMessage());
        }
    }
}
