package io.shmbench.env;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The suite's JSON settings (pretty, stable field order) and a write that never leaves half a file. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /** Writes {@code value} as JSON to a temporary file beside {@code target}, then renames it over. */
    public static void writeAtomically(Path target, Object value) {
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            MAPPER.writeValue(temp.toFile(), value);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
