package io.shmbench.report;

import io.shmbench.measure.QuestionCsv;
import io.shmbench.measure.SeriesName;
import org.apache.commons.csv.CSVRecord;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the question-specific raw CSV files ({@link QuestionCsv}). */
public final class QuestionCsvReader {

    private QuestionCsvReader() {
    }

    public static List<SeriesOutcome> outcomes(Path file) throws BadInputException {
        RawCsv csv = RawCsv.read(file, QuestionCsv.OUTCOMES.columns());
        List<SeriesOutcome> out = new ArrayList<>();
        for (CSVRecord r : csv.records()) {
            String status = csv.required(r, "status");
            if (!SeriesOutcome.STATUSES.contains(status)) {
                throw csv.error(r, "unknown status '" + status
                        + "' (expected one of " + SeriesOutcome.STATUSES + ")");
            }
            SeriesName key;
            try {
                key = SeriesName.of(csv.required(r, "benchmark"), csv.text(r, "params"));
            } catch (IllegalArgumentException e) {
                throw csv.error(r, e.getMessage());
            }
            out.add(new SeriesOutcome(key, status, csv.text(r, "detail")));
        }
        return out;
    }

    public static List<LossObservation> loss(Path file) throws BadInputException {
        // lap_policy came last: a file from before it has the other columns (LossObservation.POLICY_BEFORE_THE_COLUMN)
        RawCsv csv = RawCsv.read(file, QuestionCsv.Q3_OVERWRITE_LOSS.columns().stream().filter(c -> !c.equals("lap_policy")).toList());
        List<LossObservation> out = new ArrayList<>();
        for (CSVRecord r : csv.records()) {
            out.add(new LossObservation(csv.integer(r, "slots"), csv.number(r, "rate_ratio"),
                    csv.integer(r, "written"), csv.integer(r, "delivered"), csv.integer(r, "missed"),
                    csv.number(r, "loss_fraction"), csv.optionalNumber(r, "staleness_p50_ns"),
                    csv.optionalNumber(r, "staleness_p99_ns"),
                    r.isMapped("lap_policy") ? csv.required(r, "lap_policy") : LossObservation.POLICY_BEFORE_THE_COLUMN));
        }
        return out;
    }

    public static List<PlacementAvailability> placements(Path file) throws BadInputException {
        RawCsv csv = RawCsv.read(file, QuestionCsv.Q6_PLACEMENTS.columns());
        List<PlacementAvailability> out = new ArrayList<>();
        for (CSVRecord r : csv.records()) {
            out.add(new PlacementAvailability(csv.required(r, "placement"), csv.bool(r, "available"), csv.text(r, "reason")));
        }
        return out;
    }

    public static List<CoreLatency> coreMatrix(Path file) throws BadInputException {
        RawCsv csv = RawCsv.read(file, QuestionCsv.Q6_CORE_MATRIX.columns());
        List<CoreLatency> out = new ArrayList<>();
        for (CSVRecord r : csv.records()) {
            out.add(new CoreLatency((int) csv.integer(r, "cpu_a"), (int) csv.integer(r, "cpu_b"),
                    csv.optionalNumber(r, "p50_ns"), csv.optionalNumber(r, "p99_ns")));
        }
        return out;
    }

    public static List<FaultObservation> faults(Path file) throws BadInputException {
        RawCsv csv = RawCsv.read(file, QuestionCsv.Q7_FAULTS.columns());
        List<FaultObservation> out = new ArrayList<>();
        for (CSVRecord r : csv.records()) {
            String metric = csv.required(r, "metric");
            if (!QuestionCsv.hasUnit(metric)) {
                throw csv.error(r, "metric '" + metric
                        + "' does not end in its unit (_ns or _count)");
            }
            out.add(new FaultObservation(csv.required(r, "scenario"), (int) csv.integer(r, "trial"), metric,
                    csv.number(r, "value")));
        }
        return out;
    }
}
