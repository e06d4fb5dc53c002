package io.shmbench.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a JSON input file, turning every way it can be unusable into a message naming the file. */
final class JsonFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonFile() {
    }

    static JsonNode read(Path file, String whyMissing, String whyEmpty) throws BadInputException {
        JsonNode root;
        try {
            if (Files.size(file) == 0) {
                throw new BadInputException(file, "empty (0 bytes)" + whyEmpty);
            }
            root = JSON.readTree(file.toFile());
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, "missing" + whyMissing);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new BadInputException(file, "not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BadInputException(file, "cannot be read: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new BadInputException(file, "holds no JSON value");
        }
        return root;
    }
}
