package org.sessionthreads.conformance.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes {@code junit.xml}: the run as JUnit XML for CI publishers, written by the suite itself (so a Maven run
 * and a jar run give the same file). One {@code testcase} per scenario invocation, named after its requirement
 * ({@code "COORD-001 A coordinator cannot be archived [via polling]"}, classname {@code conformance.COORD-001});
 * one per requirement no scenario ran; one named {@code RUN} when the run itself has problems. No
 * {@code properties} element is written, so nothing of the machine or the run's configuration reaches the file.
 *
 * <p>Verdicts map onto JUnit's three outcomes so that the file agrees with the gate: a blocking FAIL is a
 * {@code failure}; ERROR and a blocking UNTESTABLE (certify mode) an {@code error}; a SHOULD warning, WAIVED,
 * a non-blocking UNTESTABLE and DISABLED are {@code skipped} with the verdict first in the message.
 */
public final class JUnitXmlWriter implements ReportFormat {
    public static final String FILE = "junit.xml";
    static final String SUITE = "thread-archive-conformance";
    private static final int MESSAGE = 200;

    JUnitXmlWriter() {
    }

    @Override
    public List<String> files() {
        return List.of(FILE);
    }

    @Override
    public void write(RunReport report, Path dir) {
        write(report.summary(), dir);
    }

    /** One test case of the file. {@code outcome} is null for a pass. */
    record Case(String classname, String name, Duration time, String outcome, String type, String text) {
    }

    public static void write(RunSummary summary, Path dir) {
        try {
            Files.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(dir.resolve(FILE))) {
                write(summary, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE + " to " + dir, e);
        }
    }

    static List<Case> cases(RunSummary summary) {
        List<Case> cases = new ArrayList<>();
        if (!summary.shownProblems().isEmpty()) {
            cases.add(new Case("conformance.run", "RUN the run itself", Duration.ZERO, "error", "RUN",
                    String.join("\n", summary.shownProblems())));
        }
        for (RunSummary.RequirementResult r : summary.requirements()) {
            String id = r.entry().id();
            String classname = "conformance." + id;
            if (r.scenarios().isEmpty()) {
                cases.add(new Case(classname, id + " " + r.entry().title(), Duration.ZERO, "skipped", "DISABLED",
                        "DISABLED: " + r.reason()));
                continue;
            }
            for (ScenarioOutcome s : r.scenarios()) {
                cases.add(caseOf(classname, s));
            }
        }
        return cases;
    }

    private static Case caseOf(String classname, ScenarioOutcome s) {
        String verdict = s.verdict().name();
        return switch (s.verdict()) {
            case PASS -> new Case(classname, s.name(), s.duration(), null, null, null);
            case FAIL -> s.blocking() ? new Case(classname, s.name(), s.duration(), "failure", verdict, s.reason())
                    : new Case(classname, s.name(), s.duration(), "skipped", "WARNING", "WARNING: " + s.reason());
            case ERROR -> new Case(classname, s.name(), s.duration(), "error", verdict, s.reason());
            case UNTESTABLE -> new Case(classname, s.name(), s.duration(), s.blocking() ? "error" : "skipped",
                    verdict, s.reason());
            case WAIVED, DISABLED -> new Case(classname, s.name(), s.duration(), "skipped", verdict,
                    s.reason().startsWith(verdict) ? s.reason() : verdict + ": " + s.reason());
        };
    }

    static void write(RunSummary summary, OutputStream out) throws IOException {
        List<Case> cases = cases(summary);
        long failures = cases.stream().filter(c -> "failure".equals(c.outcome())).count();
        long errors = cases.stream().filter(c -> "error".equals(c.outcome())).count();
        long skipped = cases.stream().filter(c -> "skipped".equals(c.outcome())).count();
        String time = seconds(Duration.between(summary.run().startedAt(), summary.run().finishedAt()));
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            counts(xml, cases.size(), failures, errors, skipped, time);
            xml.writeCharacters("\n  ");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", SUITE);
            counts(xml, cases.size(), failures, errors, skipped, time);
            xml.writeAttribute("timestamp", summary.run().startedAt().toString());
            for (Case c : cases) {
                xml.writeCharacters("\n    ");
                boolean empty = c.outcome() == null;
                if (empty) {
                    xml.writeEmptyElement("testcase");
                } else {
                    xml.writeStartElement("testcase");
                }
                xml.writeAttribute("classname", clean(c.classname()));
                xml.writeAttribute("name", clean(c.name()));
                xml.writeAttribute("time", seconds(c.time()));
                if (!empty) {
                    xml.writeCharacters("\n      ");
                    xml.writeStartElement(c.outcome());
                    xml.writeAttribute("message", clean(firstLine(c.text())));
                    xml.writeAttribute("type", c.type());
                    if (!c.outcome().equals("skipped")) {
                        xml.writeCharacters(clean(c.text()));
                    }
                    xml.writeEndElement();
                    xml.writeCharacters("\n    ");
                    xml.writeEndElement();
                }
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML", e);
        }
    }

    private static void counts(XMLStreamWriter xml, int tests, long failures, long errors, long skipped,
                               String time) throws XMLStreamException {
        xml.writeAttribute("tests", String.valueOf(tests));
        xml.writeAttribute("failures", String.valueOf(failures));
        xml.writeAttribute("errors", String.valueOf(errors));
        xml.writeAttribute("skipped", String.valueOf(skipped));
        xml.writeAttribute("time", time);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toMillis() / 1000.0);
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > MESSAGE ? line.substring(0, MESSAGE) + "…" : line;
    }

    /** Drops characters XML 1.0 cannot carry (control characters of a hostile answer quoted in a reason). */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(cp -> cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF
                || cp >= 0xE000 && cp <= 0xFFFD || cp >= 0x10000 && cp <= 0x10FFFF).forEach(out::appendCodePoint);
        return out.toString();
    }
}
