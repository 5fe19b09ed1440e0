package com.klarefi.extraction.internal.casetype;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.klarefi.extraction.api.CaseType;
import com.klarefi.extraction.api.InvalidCaseTypeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a case type definition and says precisely what is wrong with it: every problem is reported
 * with its JSON path, so an operator can fix a file in one go.
 */
public final class CaseTypeParser {
    private static final List<String> BUILT_IN =
            List.of("motor_claim.json", "travel_claim.json", "receipt.json", "nda.json");
    private static final List<String> TOP_LEVEL_KEYS = List.of("id", "name", "names", "locales", "features");

    private CaseTypeParser() {}

    public static CaseType parse(String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidCaseTypeException(
                    List.of("not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr()));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidCaseTypeException(List.of("$: expected a JSON object"));
        }
        List<String> problems = new ArrayList<>();
        root.fieldNames().forEachRemaining(name -> {
            if (!TOP_LEVEL_KEYS.contains(name)) {
                problems.add("$." + name + ": unknown key; expected one of " + TOP_LEVEL_KEYS);
            }
        });
        Fields fields = new Fields(problems);
        String id = fields.identifier(root, "id", "$");
        String name = fields.text(root, "name", "$", true);
        Map<String, String> names = fields.names(root);
        List<String> locales = fields.locales(root);
        var features = new FeatureParser(fields).features(root.get("features"), locales);
        if (!problems.isEmpty()) {
            throw new InvalidCaseTypeException(problems);
        }
        return new CaseType(id, name, names, locales, features);
    }

    public static List<CaseType> builtIn() {
        return builtInDefinitions().stream().map(CaseTypeParser::parse).toList();
    }

    public static List<String> builtInDefinitions() {
        return BUILT_IN.stream().map(CaseTypeParser::resource).toList();
    }

    private static String resource(String file) {
        try (InputStream in = CaseTypeParser.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("built-in case type missing: " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
