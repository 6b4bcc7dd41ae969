package org.sessionthreads.conformance.report.repro;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sessionthreads.conformance.client.Exchange;

/**
 * The read that shows a finding, chosen from its evidence by what the rule is about (its name's first part): the event
 * list for an {@code events.} rule, the thread list for a {@code list.} rule, else the GET of the thread the rule
 * judges (the coordinator, the other session's child, the bystander, or the child). A read that went on from a cursor
 * of the replay (a page token, an event id) is not repeated as it was: its query is left out, so it starts at the
 * beginning. When the evidence has no such read, the GET of that thread is built.
 *
 * @param url      the URL as a shell word ({@link ShellUrl})
 * @param recorded the evidence exchange it repeats, if any
 */
record ShownRead(ShellUrl url, Optional<Exchange> recorded) {
    static ShownRead of(String rule, List<Exchange> evidence, String base, Map<String, String> ids) {
        String about = rule.contains(".") ? rule.substring(0, rule.indexOf('.')) : rule;
        String var = switch (about) {
            case "coordinator" -> "COORDINATOR_THREAD_ID";
            case "other", "other_session_child" -> "OTHER_THREAD_ID";
            case "bystander" -> "BYSTANDER_THREAD_ID";
            default -> "THREAD_ID";
        };
        for (int i = evidence.size() - 1; i >= 0; i--) {
            Exchange e = evidence.get(i);
            if (!e.method().equals("GET")) {
                continue;
            }
            String path = withoutQuery(e.url());
            ShellUrl url = ShellUrl.of(path, base, ids);
            boolean shows = switch (about) {
                case "events" -> path.endsWith("/events");
                case "list" -> path.endsWith("/threads");
                default -> url.word().endsWith("\"$" + var + "\"");
            };
            if (shows) {
                return new ShownRead(url, Optional.of(e));
            }
        }
        String session = var.startsWith("OTHER") ? "OTHER_SESSION_ID"
                : var.startsWith("BYSTANDER") ? "BYSTANDER_SESSION_ID" : "SESSION_ID";
        return new ShownRead(new ShellUrl("\"$BASE/sessions/$" + session + "/threads/$" + var + "\"",
                java.util.Set.of(session, var)), Optional.empty());
    }

    private static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
