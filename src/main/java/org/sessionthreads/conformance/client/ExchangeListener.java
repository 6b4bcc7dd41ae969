package org.sessionthreads.conformance.client;

/** Receives every exchange after redaction (reports implement it); must not throw. */
@FunctionalInterface
public interface ExchangeListener {
    void onExchange(Exchange exchange);
}
