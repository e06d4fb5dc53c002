package io.shmbench.report.figure;

import io.shmbench.report.chart.Heatmap;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The core-to-core matrix as drawn. */
class Q6FiguresTest {
    private static Set<String> described(List<Heatmap.Cell> cells) {
        return cells.stream().map(c -> c.x() + "," + c.y() + "=" + (int) c.value()).collect(Collectors.toSet());
    }

    @Test
    void pairsMeasuredOneWayFillBothHalvesAndTheDiagonalStaysBlank() {
        // What Q6CoreMatrix writes: unordered pairs, a < b.
        List<Heatmap.Cell> measured = List.of(new Heatmap.Cell(0, 1, 314), new Heatmap.Cell(0, 2, 420), new Heatmap.Cell(1, 2, 380));

        assertEquals(Set.of("0,1=314", "1,0=314", "0,2=420", "2,0=420", "1,2=380", "2,1=380"),
                described(Q6Figures.symmetric(measured)));
    }

    @Test
    void aPairMeasuredBothWaysKeepsBothMeasurements() {
        List<Heatmap.Cell> measured = List.of(new Heatmap.Cell(0, 1, 314), new Heatmap.Cell(1, 0, 330));

        assertEquals(Set.of("0,1=314", "1,0=330"), described(Q6Figures.symmetric(measured)));
    }
}
