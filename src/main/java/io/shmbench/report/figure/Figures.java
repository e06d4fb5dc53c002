package io.shmbench.report.figure;

import io.shmbench.report.FaultObservation;
import io.shmbench.report.ReportTables;

import java.util.List;

/** Builds every question's figures; one question's failure does not stop the others. */
public final class Figures {
    private Figures() {
    }

    public static FigureSet build(ReportTables t, List<FaultObservation> faults) {
        FigureSet out = new FigureSet();
        run("Q0", out, () -> Q0Figures.build(t, out));
        run("Q1", out, () -> Q1Figures.build(t, out));
        run("Q1 one side alone", out, () -> Q1SideAloneFigures.build(t, out));
        run("Q2", out, () -> Q2Figures.build(t, out));
        run("Q3", out, () -> Q3Figures.build(t, out));
        run("Q4", out, () -> Q4Figures.build(t, out));
        run("Q5", out, () -> Q5Figures.build(t, out));
        run("Q6", out, () -> Q6Figures.build(t, out));
        run("Q7", out, () -> Q7Figures.build(t, faults, out));
        run("same-pair blocks", out, () -> FloorBlockFigures.build(t, out));
        return out;
    }

    private static void run(String question, FigureSet out, Runnable build) {
        try {
            build.run();
        } catch (RuntimeException e) {
            out.error(question + " figures: could not be built: " + e);
        }
    }

}
