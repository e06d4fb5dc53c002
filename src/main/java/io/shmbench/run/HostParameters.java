package io.shmbench.run;

import java.util.List;
import java.util.Optional;

/**
 * Parameter values that depend on the host rather than on the code: the placements its topology
 * offers, the message sizes a kernel limit allows. They replace a benchmark's declared
 * {@code @Param} values before the profile picks from them (smoke then takes the first the host
 * offers); the user's {@code -p} still wins.
 */
@FunctionalInterface
public interface HostParameters {
    /** Nothing depends on the host: every benchmark keeps its declared values. */
    HostParameters NONE = (benchmark, param) -> Optional.empty();

    /** The values this host offers for {@code param} of {@code benchmark}, or empty to keep the declared ones. */
    Optional<List<String>> values(BenchmarkDeclaration benchmark, String param);
}
