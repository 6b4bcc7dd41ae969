package org.sessionthreads.conformance.report.repro;

/**
 * The shell functions every finding's reproduction defines (POSIX {@code sh}): printing, the clean-up that releases
 * the fixtures the script made through the hook, the fixture hook's request and the reading of its answer (ids are
 * refused unless they are letters, digits, {@code _}, {@code .}, {@code -}, so they can go into a URL unquoted), and
 * the archive and read requests ({@code curl -sS --max-time}, never following a redirect).
 *
 * <p>A credential never goes into a command's arguments, which every process on the host can read: {@code
 * header_file NAME LINE} writes the header line into {@code $WORK/NAME} with the shell's own {@code printf} ({@code
 * $WORK} is {@code mktemp -d}, readable by the user alone) and prints the path, which curl reads with {@code -H @file}
 * (curl 7.55 or later).
 */
final class FindingShell {
    /** The wrong credentials exploration sends, as it sends them (not secrets). */
    static final String WRONG_TOKEN = "Bearer pt-explore-wrong-token-0000000000";
    static final String BASIC = "Basic dXNlcjpwYXNzd29yZA==";

    private FindingShell() {
    }

    static String functions() {
        return """
                say() { printf '%s\\n' "$*"; }
                header_file() { printf '%s\\n' "$2" >"$WORK/$1" && printf '%s' "$WORK/$1"; }
                # auth_file: the file of the profile's Authorization header (the token never goes on a command line)
                auth_file() { header_file auth "Authorization: Bearer $CONFORMANCE_TOKEN"; }
                release() {
                  for made in $MADE; do
                    curl -sS --max-time "$MAX_TIME" -o /dev/null -X DELETE \\
                      -H @"$(auth_file)" "$HOOK/$made" || true
                  done
                  rm -rf "$WORK"
                }
                trap release EXIT
                trap 'exit 130' INT TERM
                safe_id() {
                  case "$1" in ''|*[!A-Za-z0-9_.-]*) return 1 ;; esac
                  return 0
                }
                field() {
                  tr -d '\\r\\n' <"$WORK/fixture" | sed -n "s/.*\\"$1\\"[[:space:]]*:[[:space:]]*\\"\\([^\\"]*\\)\\".*/\\1/p"
                }
                # fixture KIND: asks the fixture hook for a fresh KIND; sets F_SESSION, F_COORDINATOR, F_THREAD
                fixture() {
                  if [ -z "$HOOK" ]; then
                    say "no fixture hook URL: set CONFORMANCE_FIXTURES, or SESSION_ID and THREAD_ID of a $1 fixture" >&2
                    exit 2
                  fi
                  say "> POST $HOOK {\\"kind\\": \\"$1\\"} (the fixture hook)"
                  code=$(curl -sS --max-time "$MAX_TIME" -o "$WORK/fixture" -w '%{http_code}' -X POST \\
                    -H @"$(auth_file)" \\
                    -H 'Content-Type: application/json' \\
                    --data "{\\"kind\\":\\"$1\\"}" "$HOOK") || { say "the fixture hook did not answer" >&2; exit 1; }
                  say "< $code"
                  if [ "$code" != 201 ]; then
                    say "the fixture hook answered $code, not 201:" >&2
                    cat "$WORK/fixture" >&2
                    exit 1
                  fi
                  F_SESSION=$(field session_id)
                  F_COORDINATOR=$(field coordinator_thread_id)
                  F_THREAD=$(field thread_id)
                  safe_id "$F_SESSION" && MADE="$MADE $F_SESSION"
                  for id in "$F_SESSION" "$F_COORDINATOR" "$F_THREAD"; do
                    safe_id "$id" || { say "refused: an id in the hook's answer is empty or not only letters, digits, _ . -" >&2; exit 1; }
                  done
                }
                # given NAME VALUE: refuses an id set by hand that could not go into a URL as it is
                given() {
                  safe_id "$2" || { say "refused: $1 must be letters, digits, _ . - only" >&2; exit 2; }
                }
                # send LABEL URL [curl options]: one archive request, its status and body
                send() {
                  label=$1; url=$2; shift 2
                  say "> POST $url ($label)"
                  code=$(curl -sS --max-time "$MAX_TIME" -o "$WORK/answer" -w '%{http_code}' -X POST "$@" "$url") \\
                    || code='no answer'
                  say "< $code"
                  cat "$WORK/answer" 2>/dev/null
                  echo
                }
                # show URL [curl options]: a read with the profile's token, its status and body
                show() {
                  url=$1; shift
                  say "> GET $url"
                  code=$(curl -sS --max-time "$MAX_TIME" -o "$WORK/answer" -w '%{http_code}' \\
                    -H @"$(auth_file)" "$@" "$url") \\
                    || code='no answer'
                  say "< $code"
                  cat "$WORK/answer" 2>/dev/null
                  echo
                }
                """;
    }

    /** The functions that derive the near misses and the other case from the token when the script sends them. */
    static String derived() {
        return """
                swapped() { printf %s "$CONFORMANCE_TOKEN" | tr 'a-zA-Z' 'A-Za-z'; }
                other_char() {
                  case "$1" in [0-9a-zA-Z]) printf %s "$1" | tr '0-9a-zA-Z' '1-90b-zaB-ZA' ;; *) printf x ;; esac
                }
                # near VARIANT: the token with one character changed, cut, extended or split (as the run sent it)
                near() {
                  t=$CONFORMANCE_TOKEN; m=$((${#t} / 2)); head=${t%?}; rest=${t#?}
                  front=$(printf %s "$t" | cut -c1-"$m"); back=$(printf %s "$t" | cut -c"$((m + 1))"-)
                  case "$1" in
                    first) printf %s "$(other_char "${t%"$rest"}")$rest" ;;
                    last) printf %s "$head$(other_char "${t#"$head"}")" ;;
                    truncated) printf %s "$head" ;;
                    extended) printf %s "$t$(other_char "${t#"$head"}")" ;;
                    space) printf '%s %s' "$front" "$back" ;;
                    tab) printf '%s\\t%s' "$front" "$back" ;;
                  esac
                }
                """;
    }

    /** {@code kept_alive LABEL READ_URL ARCHIVE_URL}: a read with the token, then the wrong token on its connection. */
    static String keptAlive() {
        return """
                kept_alive() {
                  say "> GET $2, then on the same connection POST $3 ($1)"
                  codes=$(curl -sS --max-time "$MAX_TIME" -o "$WORK/read" -w '%{http_code}, ' \\
                    -H @"$(auth_file)" "$2" \\
                    --next -sS --max-time "$MAX_TIME" -o "$WORK/answer" \\
                    -w '%{http_code} (new connections for it: %{num_connects})' -X POST \\
                    -H 'Authorization: WRONG' "$3") || codes="$codes no answer"
                  say "< $codes"
                  cat "$WORK/answer" 2>/dev/null
                  echo
                }
                """.replace("WRONG", WRONG_TOKEN);
    }
}
