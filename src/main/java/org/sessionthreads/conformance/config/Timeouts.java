package org.sessionthreads.conformance.config;

import java.time.Duration;

/**
 * Every wait of the suite takes its limits from here; no scenario has a time constant of its own.
 *
 * @param event         how long an asynchronous promise (an event, a resumed coordinator) may take to show: the
 *                      hard limit, after which it counts as missing
 * @param quiet         how long the suite watches for something that must NOT happen (a duplicate event, a
 *                      delivery after archive) beyond the moment it would have happened
 * @param request       the total time of one HTTP request: connecting, sending, and receiving the whole answer
 *                      (a body dripped byte by byte does not restart it); for an event stream, until its headers
 * @param pollInterval  first delay between two polls; later polls back off up to ten times this
 * @param eventExpected how soon the terminated event is expected after the archive answer: later than this (but
 *                      within {@code event}) it is LATE, a SHOULD-level warning (EVT-004); never more than
 *                      {@code event} (a larger value is lowered to it)
 */
public record Timeouts(Duration event, Duration quiet, Duration request, Duration pollInterval,
                       Duration eventExpected) {
    public Timeouts {
        eventExpected = eventExpected.compareTo(event) > 0 ? event : eventExpected;
    }
}
