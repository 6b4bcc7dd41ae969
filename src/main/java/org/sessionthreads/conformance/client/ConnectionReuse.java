package org.sessionthreads.conformance.client;

import java.util.List;

/**
 * Which connections the requests of one {@link ApiClient#onOneConnection} scope rode, told apart by the client's
 * local port (0 when the request never got a connection).
 *
 * @param localPorts one per request sent, attempts after a 429/503 included, in order
 */
public record ConnectionReuse(List<Integer> localPorts) {
    public ConnectionReuse {
        localPorts = List.copyOf(localPorts);
    }

    /** True when at least two requests went out and all of them on the same connection. */
    public boolean oneConnection() {
        return localPorts.size() >= 2 && !localPorts.contains(0) && localPorts.stream().distinct().count() == 1;
    }

    /** One line for a report: "2 requests on 1 connection", "2 requests on 2 connections". */
    public String describe() {
        long connections = localPorts.stream().distinct().count();
        return localPorts.size() + " requests on " + connections + (connections == 1 ? " connection" : " connections");
    }
}
