package org.sessionthreads.conformance.runner;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import org.sessionthreads.conformance.report.ExitStatus;

/**
 * The runner jar's entry point ({@code java -jar thread-archive-conformance-<version>-runner.jar <command>}). Each
 * command returns one of the exit codes of {@link ExitStatus}; picocli's own usage errors map onto
 * {@link ExitStatus#USAGE}, and anything a command throws onto {@link ExitStatus#NO_VERDICT} (a harness error is
 * never a pass and never a conformance failure).
 */
@Command(name = "conformance", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "Conformance suite for POST /v1/sessions/{session_id}/threads/{thread_id}/archive.",
        subcommands = {RunCommand.class, ExploreCommand.class, ListCommand.class, DiscoverCommand.class, SweepCommand.class,
                ServeCommand.class, VersionCommand.class, BaselineCommand.class, CompareCommand.class,
                CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes (every command):%n", footer = {Main.EXIT_CODES,
        "%nThe token is read from the environment variable CONFORMANCE_TOKEN (or the one --token-env names) or"
                + " from the file --token-file names; it is never an option value. Documentation: docs/runner.md."})
public final class Main implements Runnable {
    static final String EXIT_CODES = "  0  pass: every gating requirement kept (valid waivers allowed)%n"
            + "  1  a MUST (or a SHOULD the profile gates) failed; summary.md names it%n"
            + "  2  usage or configuration error, found before any request was sent%n"
            + "  3  no verdict possible: target unreachable or token refused, harness error,%n"
            + "     UNTESTABLE in certify mode, conformance index below min_index%n"
            + "  4  nothing ran: every scenario was disabled or deselected%n"
            + "The results bundle is written before every exit; the first line of%n"
            + "summary.md says why the code is not 0.";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs one command line and returns its exit code (the process exits with it in {@link #main}). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        // why: serve hands its options, in their order, to the reference server's own parser
        cli.getSubcommands().get("serve").setUnmatchedOptionsArePositionalParams(true);
        cli.setParameterExceptionHandler(Main::usageError);
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            command.getErr().println("conformance: harness error: " + e);
            return ExitStatus.NO_VERDICT;
        });
        return cli.execute(args);
    }

    /** A bad option: one line, the hint to --help, and for {@code run} a bundle that says so. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        String why = withoutStrayValues(e);
        err.println("conformance: " + why);
        err.println("conformance: see '" + command.getCommandSpec().qualifiedName() + " --help'");
        if (command.getCommand() instanceof RunCommand run) {
            run.writeUsageBundle(ExitStatus.usage(why));
        } else if (command.getCommand() instanceof ExploreCommand explore) {
            explore.writeUsageBundle(ExitStatus.usage(why));
        }
        return ExitStatus.USAGE;
    }

    /**
     * picocli's message, except for arguments no option took: those are named only when they look like options,
     * since a stray value may be a secret (a mistyped {@code --tokn s3cr3t}) and the message lands in summary.md.
     */
    static String withoutStrayValues(CommandLine.ParameterException e) {
        if (!(e instanceof CommandLine.UnmatchedArgumentException unmatched)) {
            return e.getMessage();
        }
        java.util.List<String> options = unmatched.getUnmatched().stream().filter(a -> a.startsWith("-"))
                .map(a -> a.contains("=") ? a.substring(0, a.indexOf('=')) + "=…" : a).toList();
        long values = unmatched.getUnmatched().size() - options.size();
        return "unknown option(s) " + options + (values > 0 ? " and " + values + " value(s) no option takes (not"
                + " repeated here: one may be a secret)" : "");
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command (run, explore, list, discover,"
                + " sweep, serve, version, baseline, compare)");
    }
}
