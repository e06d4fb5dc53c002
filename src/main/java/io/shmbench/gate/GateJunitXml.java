package io.shmbench.gate;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The gate as JUnit XML, which CI systems (GitHub Actions, GitLab, Jenkins) show as test results:
 * one test suite, one test case per gated metric; a regression is a failure, a metric missing
 * from the current run is skipped (a failure with {@code --strict}). Written through the DOM, so
 * every name and message is escaped.
 */
public final class GateJunitXml {
    private GateJunitXml() {
    }

    public static void write(GateResult r, Path file) throws IOException {
        Document doc;
        try {
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IOException("no XML DOM implementation", e);
        }
        Element suites = doc.createElement("testsuites");
        doc.appendChild(suites);
        Element suite = doc.createElement("testsuite");
        suites.appendChild(suite);
        String name = "shmbench gate: " + r.current().runId() + " against " + r.baseline().runId();
        suites.setAttribute("name", name);
        suite.setAttribute("name", name);
        suite.setAttribute("hostname", r.current().host());
        Element properties = doc.createElement("properties");
        suite.appendChild(properties);
        property(doc, properties, "baseline", r.baseline().dir().toString());
        property(doc, properties, "current", r.current().dir().toString());
        property(doc, properties, "rule", GateMarkdown.rule(r.options()));
        int failures = 0;
        int skipped = 0;
        for (GateRow row : r.gated()) {
            Element test = doc.createElement("testcase");
            test.setAttribute("classname", row.pair().series());
            test.setAttribute("name", row.pair().name());
            test.setAttribute("time", "0");
            String detail = "baseline " + row.pair().baseline().map(e -> Estimate.format(e.value()) + " " + e.intervalText()).orElse("-")
                    + ", current " + row.pair().current().map(e -> Estimate.format(e.value()) + " " + e.intervalText()).orElse("-")
                    + (row.changeText().isEmpty() ? "" : ", change " + row.changeText()) + ": " + row.why();
            if (row.verdict() == Verdict.REGRESSED || (row.verdict() == Verdict.MISSING && r.options().strict())) {
                Element failure = doc.createElement("failure");
                failure.setAttribute("type", row.verdict() == Verdict.REGRESSED ? "regression" : "missing");
                failure.setAttribute("message", detail);
                failure.setTextContent(detail);
                test.appendChild(failure);
                failures++;
            } else if (row.verdict() == Verdict.MISSING) {
                Element skip = doc.createElement("skipped");
                skip.setAttribute("message", detail);
                test.appendChild(skip);
                skipped++;
            } else {
                Element out = doc.createElement("system-out");
                out.setTextContent(row.verdict().words() + ": " + detail);
                test.appendChild(out);
            }
            suite.appendChild(test);
        }
        for (Element e : new Element[]{suites, suite}) {
            e.setAttribute("tests", Integer.toString(r.gated().size()));
            e.setAttribute("failures", Integer.toString(failures));
            e.setAttribute("errors", "0");
        }
        suite.setAttribute("skipped", Integer.toString(skipped));
        try {
            var t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.transform(new DOMSource(doc), new StreamResult(file.toFile()));
        } catch (TransformerException e) {
            throw new IOException(file + ": cannot write JUnit XML: " + e.getMessage(), e);
        }
    }

    private static void property(Document doc, Element properties, String name, String value) {
        Element p = doc.createElement("property");
        p.setAttribute("name", name);
        p.setAttribute("value", value);
        properties.appendChild(p);
    }
}
