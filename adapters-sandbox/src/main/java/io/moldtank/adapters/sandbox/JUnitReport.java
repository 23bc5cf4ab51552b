package io.moldtank.adapters.sandbox;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads a JUnit XML report that the generic runner's command wrote to {@code $MOLDTANK_REPORT}; the
 * wrapper prints it base64-encoded after a marker line when the command ends. The XML is the
 * submission's to shape, so DTDs and external entities are refused outright.
 */
final class JUnitReport {

    static final String MARKER = "MOLDTANK-JUNIT-1 ";
    static final int MAX_BYTES = 4 << 20;

    private JUnitReport() {
    }

    /** The shell the run executes: the poster's command, then the report printed after a marker. */
    static String wrap(String command, String runId) {
        return "cd /work/acceptance && ( " + command + " ); rc=$?; printf '\\n" + MARKER + runId + " '; "
                + "if [ -s \"$MOLDTANK_REPORT\" ]; then base64 -w0 \"$MOLDTANK_REPORT\"; else printf none; fi; printf '\\n'; exit $rc";
    }

    /** The evidence from the last marker of this run, or null if the command left no readable report. */
    static TestEvidence read(String stdout, String runId) {
        String marker = MARKER + runId + " ";
        int at = stdout.lastIndexOf("\n" + marker);
        if (at < 0) {
            return null;
        }
        int start = at + 1 + marker.length();
        int end = stdout.indexOf('\n', start);
        String encoded = stdout.substring(start, end < 0 ? stdout.length() : end).trim();
        try {
            byte[] xml = Base64.getDecoder().decode(encoded);
            return xml.length > MAX_BYTES ? null : parse(xml);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static TestEvidence parse(byte[] xml) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            var doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
            var cases = doc.getElementsByTagName("testcase");
            List<TestEvidence.Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < cases.getLength(); i++) {
                var c = (Element) cases.item(i);
                String cls = c.getAttribute("classname");
                String id = (cls.isEmpty() ? "" : cls + "::") + c.getAttribute("name");
                outcomes.add(new TestEvidence.Outcome(id, result(c)));
            }
            return new TestEvidence(outcomes, List.of(), null);
        } catch (Exception e) { // malformed, DTD, entity tricks: no usable report
            return null;
        }
    }

    private static TestEvidence.Result result(Element testcase) {
        var result = TestEvidence.Result.PASSED;
        for (Node n = testcase.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                switch (e.getLocalName() == null ? e.getTagName() : e.getLocalName()) {
                    case "failure", "error" -> {
                        return TestEvidence.Result.FAILED;
                    }
                    case "skipped" -> result = TestEvidence.Result.SKIPPED;
                    default -> { }
                }
            }
        }
        return result;
    }

    static String withoutMarker(String stdout) {
        return stdout.replaceAll("(?m)^" + MARKER + "\\S+ \\S+$", "[moldtank: junit report]");
    }

}
