package com.klarefi.app.architecture;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository checkout the tests run in, for tests that read its files. */
public final class RepositoryFiles {
    private RepositoryFiles() {}

    public static Path root() {
        Path cursor = Path.of("").toAbsolutePath();
        while (cursor != null
                && !(Files.isDirectory(cursor.resolve("modules")) && Files.isDirectory(cursor.resolve("platform")))) {
            cursor = cursor.getParent();
        }
        if (cursor == null) {
            throw new IllegalStateException(
                    "cannot find the repository root above " + Path.of("").toAbsolutePath());
        }
        return cursor;
    }

    /** The development corpus: {@code KLAREFI_CORPUS} if set, as the scripts read it, else {@code shared/corpus} beside the checkout. */
    public static Path corpus() {
        String configured = System.getenv("KLAREFI_CORPUS");
        return configured != null && !configured.isBlank()
                ? Path.of(configured)
                : root().resolve("../shared/corpus").normalize();
    }
}
