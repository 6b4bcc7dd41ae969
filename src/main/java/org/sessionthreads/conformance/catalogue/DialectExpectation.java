package org.sessionthreads.conformance.catalogue;

import java.util.Optional;

/**
 * What one dialect's documentation promises for one requirement ({@code dialects.<name>} of a catalogue entry).
 *
 * @param expects  what the suite checks under that dialect, in one or two sentences
 * @param source   the page (or pages) of that dialect that say so, or that are silent
 * @param level    the level under that dialect when it differs from the entry's (a SHOULD where the docs are
 *                 silent but the suite's reading is that the promise holds, with the reasoning in {@code expects})
 * @param disabled why the requirement is DISABLED under that dialect (its docs are silent); empty when it runs
 */
public record DialectExpectation(String expects, String source, Optional<Level> level, Optional<String> disabled) {
}
