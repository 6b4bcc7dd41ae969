package org.sessionthreads.conformance.refserver;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which documented shape of the API the reference server speaks (option {@value ServerOptions#DIALECT}, flag
 * {@code --dialect}); the suite's setting {@code dialect} names the same ones. The server knows nothing of the
 * harness, so this is its own enum.
 *
 * <ul>
 *   <li>{@link #ARCHIVE_PAGE}: the archive page's thread (role, name, stop_reason, status {@code archived}, a short
 *       agent snapshot), 409 {@code invalid_request_error}.</li>
 *   <li>{@link #CAS}: the CAS export's thread: no role, name, stop_reason, agent_id, agent_version or
 *       created_by_tool_use_id; an archived thread is {@code terminated} with {@code archived_at}; the agent
 *       snapshot has {@code model} as an object, {@code tools}, {@code skills}, {@code mcp_servers}; {@code stats}
 *       null. Its 409 is {@code conflict_error} (the general error table; the CAS row's type is not shown).</li>
 *   <li>{@link #FORWARD}: the Forward thread: {@code template_id} instead of an agent snapshot, {@code archived_at}
 *       omitted until archived; 409 {@code conflict_error} with {@code error.code}; re-archive always 200 with the
 *       current thread.</li>
 * </ul>
 * Each constant holds the facts the handlers ask ({@link #conflictType()}, {@link #errorCodes()},
 * {@link #forwardRules()}); the thread's shape is {@code http.WireFormat}'s switch, the re-archive rule in
 * {@link ServerOptions}. A fault of one dialect acts only there ({@link ServerOptions#acts(Fault)}).
 */
public enum ServerDialect {
    ARCHIVE_PAGE("invalid_request_error", false, false),
    CAS("conflict_error", false, false),
    FORWARD("conflict_error", true, true);

    private final String conflictType;
    private final boolean errorCodes;
    private final boolean forwardRules;

    ServerDialect(String conflictType, boolean errorCodes, boolean forwardRules) {
        this.conflictType = conflictType;
        this.errorCodes = errorCodes;
        this.forwardRules = forwardRules;
    }

    /** The {@code error.type} of a rejected archive's 409. */
    public String conflictType() {
        return conflictType;
    }

    /**
     * Whether error answers carry the Forward pages' {@code error.code} ({@code coordinator_thread_not_archivable},
     * {@code thread_not_idle}, {@code authentication_required}).
     */
    public boolean errorCodes() {
        return errorCodes;
    }

    /**
     * Whether the Forward page's own rules hold: a re-archive is always answered 200 with the current thread (the
     * variation {@code REARCHIVE_CONFLICT} is ignored), and the thread-event list refuses the selectors the Forward
     * page does not list.
     */
    public boolean forwardRules() {
        return forwardRules;
    }

    /** The name as in the option and the suite's setting, e.g. {@code archive-page}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws IllegalArgumentException for anything but a {@link #wireName()} (any case, _ or -) */
    public static ServerDialect parse(String value) {
        String normalised = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(d -> d.name().equals(normalised)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown dialect '" + value.trim() + "'; use "
                        + names() + "."));
    }

    /** Every wire name, comma-separated, e.g. for the usage text. */
    public static String names() {
        return Arrays.stream(values()).map(ServerDialect::wireName).collect(Collectors.joining(", "));
    }
}
