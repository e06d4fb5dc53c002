package io.shmbench.gate;

/** The files the gate writes into the current run's directory. */
public final class GateFiles {
    public static final String MARKDOWN = "gate.md";
    public static final String JUNIT_XML = "gate.xml";

    private GateFiles() {
    }
}
