package org.sessionthreads.conformance.baseline;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a requirement failed, normalised so the same failure on another run matches: the requirement, its verdict,
 * the type its verdict came from ({@code RequirementNotMet}, {@code NoAnswerException}, …) and the invocations
 * that did not pass, named by their invocation only ({@code via sse}, {@code TOKEN_AS_X_API_KEY}). All of it is
 * typed outcome data; no message text, so no session or thread id, timestamp, port or duration can enter it.
 *
 * @param cases the failing invocations of a scenario run more than once (per event channel, per case), sorted;
 *              empty for a requirement with one invocation
 */
public record FailureSignature(String requirement, String verdict, String reasonClass, List<String> cases) {
    private static final Pattern INVOCATION = Pattern.compile("\\[([^\\[\\]]+)]\\s*$");

    public FailureSignature {
        cases = cases.stream().sorted().distinct().toList();
    }

    /** The invocation part of a scenario's name ({@code via sse} of {@code "EVT-001 … [via sse]"}), or empty. */
    static String caseOf(String scenarioName) {
        Matcher m = INVOCATION.matcher(scenarioName);
        return m.find() ? m.group(1).strip() : "";
    }

    /** {@code FAIL RequirementNotMet [via sse]}: how the signature reads in reports. */
    public String describe() {
        return verdict + (reasonClass.isEmpty() ? "" : " " + reasonClass)
                + (cases.isEmpty() ? "" : " " + cases);
    }
}
