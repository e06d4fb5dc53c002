package io.shmbench.report;

import java.nio.file.Path;

/** An input file of a run is missing, empty or malformed; the message names the file and what is wrong. */
public final class BadInputException extends Exception {
    private final transient Path file;

    public BadInputException(Path file, String what) {
        super(file + ": " + what);
        this.file = file;
    }

    public BadInputException(Path file, String what, Throwable cause) {
        super(file + ": " + what, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
