package org.sessionthreads.conformance.report.html;

/**
 * The page's only style sheet, inline: system fonts, no images, nothing fetched. Verdict words carry a class of
 * their own ({@code v-FAIL}, {@code v-ERROR}, …) so FAIL and ERROR stand out in the table; a failing row is tinted.
 */
final class PageStyle {
    static final String CSS = """
            :root { color-scheme: light; --fail: #b3261e; --error: #8a3ffc; --warn: #a15c00; --pass: #1e7e34;
                    --muted: #5f6368; --line: #d0d4d9; --code: #f6f8fa; }
            body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 auto;
                   max-width: 1200px; padding: 16px 24px 48px; color: #1f2328; }
            h1 { font-size: 22px; margin: 8px 0 4px; }
            h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
            h3 { font-size: 15px; margin: 18px 0 6px; }
            .facts { color: var(--muted); margin: 0 0 12px; padding-left: 18px; }
            .exit { font-weight: 600; font-size: 15px; padding: 10px 14px; border-radius: 6px; margin: 12px 0;
                    white-space: pre-wrap; overflow-wrap: anywhere; }
            .exit.pass { background: #e6f4ea; color: var(--pass); }
            .exit.fail { background: #fce8e6; color: var(--fail); }
            .exit.other { background: #f1f3f4; color: #3c4043; }
            table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; }
            th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
            th { background: #f6f8fa; }
            td.id { white-space: nowrap; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            td.reason { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 13px; }
            tr.row-FAIL, tr.row-ERROR { background: #fff5f5; }
            tr.row-WARN { background: #fffaf0; }
            .v { font-weight: 700; white-space: nowrap; }
            .v-FAIL { color: var(--fail); } .v-ERROR { color: var(--error); } .v-WARN { color: var(--warn); }
            .v-PASS { color: var(--pass); } .v-WAIVED, .v-UNTESTABLE, .v-DISABLED { color: var(--muted); }
            pre { background: var(--code); border: 1px solid var(--line); border-radius: 4px; padding: 8px;
                  white-space: pre-wrap; overflow-wrap: anywhere; margin: 4px 0 8px;
                  font: 12px/1.4 ui-monospace, Menlo, Consolas, monospace; }
            details { margin: 4px 0; }
            summary { cursor: pointer; font: 12px ui-monospace, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
            .quoted > summary { font-weight: 700; }
            .failure { border-left: 4px solid var(--fail); padding-left: 12px; margin: 16px 0; }
            .failure.ERROR { border-color: var(--error); }
            .failure.WARN, .failure.WAIVED { border-color: var(--warn); }
            .muted { color: var(--muted); } a { color: #0b57d0; }
            """;

    private PageStyle() {
    }
}
