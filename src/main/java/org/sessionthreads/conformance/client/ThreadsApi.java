package org.sessionthreads.conformance.client;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The session-thread endpoints: archive (the subject of the suite), get and list (to observe state). Every archive
 * answer is also written to the run's {@link ArchiveJournal}, which the end-of-run audit reads.
 */
public final class ThreadsApi {
    /** The page size asked of the list endpoint: the documented maximum, to keep reads few. */
    public static final int PAGE_SIZE = 100;
    private final ApiClient client;
    private final URI apiBase;
    private final ArchiveJournal journal;
    private final org.sessionthreads.conformance.config.Dialect dialect;

    public ThreadsApi(ApiClient client, URI apiBase) {
        this(client, apiBase, new ArchiveJournal());
    }

    public ThreadsApi(ApiClient client, URI apiBase, ArchiveJournal journal) {
        this(client, apiBase, journal, org.sessionthreads.conformance.config.Dialect.DEFAULT);
    }

    /** @param dialect the run's dialect: archive and get answers carry it, so their thread meets its schema */
    public ThreadsApi(ApiClient client, URI apiBase, ArchiveJournal journal,
                      org.sessionthreads.conformance.config.Dialect dialect) {
        this.client = client;
        this.apiBase = apiBase;
        this.journal = journal;
        this.dialect = dialect;
    }

    /** The archive requests this facade sent, with their answers. */
    public ArchiveJournal journal() {
        return journal;
    }

    /** {@code POST /sessions/{session_id}/threads/{thread_id}/archive} with the profile's token and no body. */
    public ApiResponse archive(ThreadRef thread) {
        return archive(thread, Credentials.profileToken());
    }

    public ApiResponse archive(ThreadRef thread, Credentials credentials) {
        return archive(thread, RequestOptions.defaults().withCredentials(credentials));
    }

    /** The archive request sent with {@code options}, e.g. {@link RequestOptions#idempotent()}. */
    public ApiResponse archive(ThreadRef thread, RequestOptions options) {
        ApiResponse response = client.send("POST", Paths.under(apiBase, "sessions", thread.sessionId(), "threads",
                thread.threadId(), "archive"), options, null).in(dialect);
        journal.record(thread, response);
        return response;
    }

    /** {@code GET /sessions/{session_id}/threads/{thread_id}}. */
    /** Runs {@code requests} (through this API) on one kept-alive connection; see {@link ApiClient#onOneConnection}. */
    public ConnectionReuse onOneConnection(Runnable requests) {
        return client.onOneConnection(requests);
    }

    public ApiResponse get(ThreadRef thread) {
        return client.send("GET", Paths.under(apiBase, "sessions", thread.sessionId(), "threads", thread.threadId()),
                Credentials.profileToken(), null).in(dialect);
    }

    /**
     * Every thread of the session through {@code GET /sessions/{session_id}/threads}, following {@code next_page}
     * (or {@code last_id} as {@code after_id} when a page has more but no cursor) for at most {@code maxPages}
     * pages. A non-200 page, a page that does not advance, or the page limit ends the read with a problem, never a
     * loop.
     */
    public ThreadList list(String sessionId, int maxPages) {
        return list(sessionId, maxPages, PAGE_SIZE);
    }

    /** As {@link #list(String, int)}, asking {@code pageSize} threads per page (small pages test the paging). */
    public ThreadList list(String sessionId, int maxPages, int pageSize) {
        URI url = Paths.under(apiBase, "sessions", sessionId, "threads");
        List<SessionThread> threads = new ArrayList<>();
        Set<String> cursors = new HashSet<>();
        String query = Paths.param("limit", String.valueOf(pageSize));
        Exchange last = null;
        for (int page = 1; page <= maxPages; page++) {
            ApiResponse response = client.send("GET", Paths.withQuery(url, query), Credentials.profileToken(), null);
            last = response.exchange();
            if (response.status() != 200 || !response.json().path("data").isArray()) { // why: garbage is no "empty"
                return new ThreadList(threads, page, Optional.of("page " + page + " answered " + response + " "
                        + response.excerpt()), last);
            }
            threads.addAll(response.threads());
            if (!response.hasMore()) {
                return new ThreadList(threads, page, Optional.empty(), last);
            }
            String next = response.nextPage() != null ? Paths.param("page", response.nextPage())
                    : response.lastId() != null ? Paths.param("after_id", response.lastId()) : null;
            if (next == null || !cursors.add(next)) {
                return new ThreadList(threads, page, Optional.of("page " + page + " says has_more but gives no new"
                        + " next_page or last_id: " + response), last);
            }
            query = Paths.param("limit", String.valueOf(pageSize)) + "&" + next;
        }
        return new ThreadList(threads, maxPages, Optional.of("more than " + maxPages + " pages"), last);
    }
}
