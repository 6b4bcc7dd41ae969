package org.sessionthreads.conformance.refserver.model;

/**
 * The short agent snapshot a thread carries ({@code {"id","type":"agent","name","model","version"}}).
 *
 * @param model a plain model name such as {@code "ultimate"}, as in the archive-thread example
 */
public record Agent(String id, String name, String model, int version) {

    /** A new agent with a fresh id from {@code ids}. */
    public static Agent named(Ids ids, String name, int version) {
        return new Agent(ids.next(IdPrefix.AGENT), name, "ultimate", version);
    }
}
