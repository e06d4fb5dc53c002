package io.shmbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.shmbench.env.Json;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvCommandTest {
    @Test
    void printsTheFingerprintAsJson() throws Exception {
        CommandRun env = CommandRun.main("env");

        assertEquals(0, env.exit(), env.err());
        JsonNode json = Json.MAPPER.readTree(env.out());
        assertEquals("shmbench-env/1", json.get("schema").asText());
        assertEquals(Runtime.version().toString(), json.at("/jdk/version").asText());
        assertEquals(System.getProperty("os.version"), json.at("/kernel/release").asText());
        for (String field : new String[] {"timestamp", "hostname", "cpu", "numaNodes", "governor", "transparentHugePages",
                "gitCommit"}) {
            assertTrue(json.has(field), field + " in " + env.out());
        }
    }
}
