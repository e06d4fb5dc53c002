package io.shmbench.measure;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeriesNameTest {
    @Test
    void namesTheFileByClassMethodAndParametersSortedByName() {
        SeriesName series = SeriesName.of("io.shmbench.bench.Q1Transports.roundTrip",
                Map.of("transport", "shm-ring", "messageBytes", "64", "placement", "same-core"));

        assertEquals("Q1Transports.roundTrip@messageBytes=64,placement=same-core,transport=shm-ring.hlog",
                series.hlogFileName());
        assertEquals("messageBytes=64,placement=same-core,transport=shm-ring", series.paramsText());
    }

    @Test
    void aBenchmarkWithoutParametersEndsInAtDotHlog() {
        assertEquals("Q0RecordingCost.recordOnly@.hlog",
                SeriesName.of("io.shmbench.bench.Q0RecordingCost.recordOnly", Map.of()).hlogFileName());
    }

    @Test
    void encodesSeparatorsInValuesAndParsesBack() {
        SeriesName series = SeriesName.of("a.B.m", Map.of("path", "/dev/shm,x=1%", "b", "plain"));

        String file = series.hlogFileName();

        assertEquals("B.m@b=plain,path=%2Fdev%2Fshm%2Cx%3D1%25.hlog", file);
        assertEquals(series, parse(file));
    }

    @Test
    void parsesWhatItNames() {
        TreeMap<String, String> params = new TreeMap<>(Map.of("slots", "64", "memoryOrder", "RELEASE_ACQUIRE"));
        SeriesName series = new SeriesName("Q2MemoryOrders", "roundTrip", params);

        assertEquals(series, parse(series.hlogFileName()));
        assertEquals(new SeriesName("Q0RecordingCost", "recordOnly", new TreeMap<>()),
                parse("Q0RecordingCost.recordOnly@.hlog"));
    }

    @Test
    void rejectsNamesItCannotHaveMade() {
        assertThrows(IllegalArgumentException.class, () -> parse("jmh.json"));
        assertThrows(IllegalArgumentException.class, () -> parse("NoMethod@a=1.hlog"));
        assertThrows(IllegalArgumentException.class, () -> parse("A.m@novalue.hlog"));
        assertThrows(IllegalArgumentException.class, () -> parse("A.m@a=%zz.hlog"));
        assertThrows(IllegalArgumentException.class, () -> SeriesName.of("noDots", Map.of()));
    }

    @Test
    void refusesANameLongerThanLinuxAllows() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SeriesName.of("a.B.m", Map.of("p", "x".repeat(300))).hlogFileName());
        assertTrue(e.getMessage().contains("255"), e.getMessage());
    }

    @Test
    void readsTheColumnsOfARawCsvAndAFileNameWithoutParameters() {
        SeriesName series = SeriesName.of("io.shmbench.bench.Q3Slots.roundTrip", " slots=64 , transport=shm-ring");

        assertEquals(series, SeriesName.of("Q3Slots.roundTrip", series.paramsText()));
        assertEquals(new SeriesName("Q0RecordingCost", "recordOnly", new TreeMap<>()), parse("Q0RecordingCost.recordOnly.hlog"));
        assertThrows(IllegalArgumentException.class, () -> SeriesName.of("A.m", "slots=1,slots=2"));
    }

    private static SeriesName parse(String hlogFileName) {
        return SeriesName.parseFileName(hlogFileName, SeriesName.HLOG_SUFFIX);
    }
}
