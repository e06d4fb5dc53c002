package io.shmbench.report.chart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the TrueType files of the figure font, so PDFs can embed it and keep text as text (without
 * a font file, PDFBox-Graphics2D would draw every glyph as a path).
 */
final class FontFiles {
    private static final List<Path> ROOTS = List.of(Path.of("/usr/share/fonts"), Path.of("/usr/local/share/fonts"),
            Path.of(System.getProperty("user.home"), ".fonts"),
            Path.of(System.getProperty("user.home"), ".local/share/fonts"));

    /** DejaVuSans.ttf and DejaVuSans-Bold.ttf, when both are installed. */
    static final List<Path> DEJAVU_SANS = find("DejaVuSans.ttf", "DejaVuSans-Bold.ttf");

    private FontFiles() {
    }

    private static List<Path> find(String... names) {
        List<Path> found = Stream.of(names).map(FontFiles::find).flatMap(Optional::stream).toList();
        return found.size() == names.length ? found : List.of();
    }

    private static Optional<Path> find(String name) {
        for (Path root : ROOTS) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.find(root, 5, (p, a) -> a.isRegularFile()
                    && p.getFileName().toString().equals(name))) {
                Optional<Path> hit = files.findFirst();
                if (hit.isPresent()) {
                    return hit;
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                // An unreadable font directory is not an error: try the next one.
            }
        }
        return Optional.empty();
    }
}
