package org.sessionthreads.conformance.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code manifest.json}: what ran and what it wrote, so a published result says exactly which suite produced it.
 * It names the suite version and commit, the SHA-256 of the code that ran (the jar; for a run from a classes
 * directory, such as Failsafe's {@code target/classes}, a SHA-256 over that directory's files, and says so), a
 * digest of the effective profile (its settings, which never carry the token's value), and the SHA-256 and size of
 * every file of the bundle. Written last; {@link #verify} (or {@code main}) checks a bundle against it.
 *
 * <p>Not in the manifest: the manifest itself, the fixture ledger (it lives on until a sweep), and what other
 * tools write into the folder after the run: Failsafe's XML ({@code junit/}), the HTML report
 * ({@code allure-report/}) and a nested run's own bundle (a subfolder with its own {@code manifest.json} or
 * {@code summary.json}, e.g. {@code api/}).
 */
public final class BundleManifest implements ReportFormat {
    public static final String FILE = "manifest.json";
    private static final Set<String> NOT_LISTED_FOLDERS = Set.of("junit", "allure-report");
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    BundleManifest() {
    }

    @Override
    public List<String> files() {
        return List.of(FILE);
    }

    @Override
    public void write(RunReport report, Path dir) {
        write(report.summary(), report.build(), dir);
    }

    /** What ran: a jar, or a directory of classes, with its digest. */
    record Code(String kind, String name, String sha256, int files) {
    }

    /** The outcome of {@link #verify}: files listed but gone, listed but changed, present but not listed. */
    public record Verification(List<String> missing, List<String> altered, List<String> unlisted) {
        /** True when every listed file is present with its recorded digest (unlisted files do not count). */
        public boolean ok() {
            return missing.isEmpty() && altered.isEmpty();
        }

        public String describe() {
            return ok() ? "manifest verified" + (unlisted.isEmpty() ? "" : "; not listed: " + unlisted)
                    : "manifest does NOT verify: missing " + missing + ", altered " + altered;
        }
    }

    /** Writes {@code dir/manifest.json} for the bundle in {@code dir} as it is now. */
    public static void write(RunSummary summary, BuildInfo build, Path dir) {
        write(summary, build, dir, codeOf(BundleManifest.class));
    }

    static void write(RunSummary summary, BuildInfo build, Path dir, Code code) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> suite = new LinkedHashMap<>();
        suite.put("name", JUnitXmlWriter.SUITE);
        suite.put("version", build.version());
        suite.put("commit", build.commit());
        root.put("suite", suite);
        Map<String, Object> ran = new LinkedHashMap<>();
        ran.put("kind", code.kind());
        ran.put("name", code.name());
        ran.put("sha256", code.sha256());
        if (code.kind().equals("directory")) {
            ran.put("files", code.files());
            ran.put("note", "run from a classes directory (not a jar): sha256 is over \"<path> <sha256>\\n\" of"
                    + " every file in it, sorted by path");
        }
        root.put("code", ran);
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("name", summary.facts().settings().stream().filter(s -> s.key().equals("profile"))
                .map(RunSummary.Setting::value).findFirst().orElse(summary.run().profile()));
        profile.put("sha256", profileDigest(summary.facts().settings()));
        profile.put("settings", summary.facts().settings().size());
        root.put("profile", profile);
        root.put("gate", summary.passesGate() ? "pass" : "fail");
        root.put("written_at", Instant.now().toString());
        List<Map<String, Object>> files = new ArrayList<>();
        listed(dir).forEach((path, digest) -> {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("path", path);
            file.put("sha256", digest);
            file.put("bytes", size(dir.resolve(path)));
            files.add(file);
        });
        root.put("files", files);
        try {
            Files.writeString(dir.resolve(FILE), JSON.writeValueAsString(root) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE + " to " + dir, e);
        }
    }

    /**
     * Re-lists the files of the bundle in {@code dir} into its existing manifest, keeping everything else: for a
     * caller that changes a bundle file after the run wrote the manifest (e.g. a runner that adds its exit
     * reason to {@code summary.md}).
     */
    public static void refresh(Path dir) {
        try {
            tools.jackson.databind.node.ObjectNode manifest =
                    (tools.jackson.databind.node.ObjectNode) JSON.readTree(Files.readString(dir.resolve(FILE)));
            tools.jackson.databind.node.ArrayNode files = manifest.putArray("files");
            listed(dir).forEach((path, digest) -> files.addObject().put("path", path).put("sha256", digest)
                    .put("bytes", size(dir.resolve(path))));
            Files.writeString(dir.resolve(FILE), JSON.writeValueAsString(manifest) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot refresh " + dir.resolve(FILE), e);
        }
    }

    /** Checks every file {@code dir/manifest.json} lists against its digest, and names files it does not list. */
    public static Verification verify(Path dir) {
        JsonNode manifest;
        try {
            manifest = JSON.readTree(Files.readString(dir.resolve(FILE)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve(FILE), e);
        }
        Map<String, String> now = listed(dir);
        List<String> missing = new ArrayList<>();
        List<String> altered = new ArrayList<>();
        Set<String> recorded = new java.util.HashSet<>();
        for (JsonNode file : manifest.path("files")) {
            String path = file.path("path").asString();
            recorded.add(path);
            String digest = now.get(path);
            if (digest == null) {
                missing.add(path);
            } else if (!digest.equals(file.path("sha256").asString())) {
                altered.add(path);
            }
        }
        List<String> unlisted = now.keySet().stream().filter(path -> !recorded.contains(path)).toList();
        return new Verification(missing, altered, unlisted);
    }

    /** {@code java … BundleManifest <reports dir>}: prints the verification; exit 0 when it verifies, else 1. */
    public static void main(String[] args) {
        Verification result = verify(Path.of(args.length == 0 ? "reports" : args[0]));
        System.out.println("[conformance] " + result.describe());
        if (!result.ok()) {
            System.exit(1);
        }
    }

    /** Path (relative, with {@code /}) → SHA-256 of every file of the bundle in {@code dir}, sorted by path. */
    static Map<String, String> listed(Path dir) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).filter(file -> belongs(dir, file))
                    .forEach(file -> files.put(relative(dir, file), sha256(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return files;
    }

    private static boolean belongs(Path dir, Path file) {
        Path rel = dir.relativize(file);
        String name = rel.getFileName().toString();
        if (rel.getNameCount() == 1) {
            return !name.equals(FILE) && !name.startsWith("fixture-ledger.jsonl") && !name.equals("README.md");
        }
        String top = rel.getName(0).toString();
        Path folder = dir.resolve(top);
        return !NOT_LISTED_FOLDERS.contains(top) && !Files.exists(folder.resolve(FILE))
                && !Files.exists(folder.resolve("summary.json"));
    }

    private static String relative(Path dir, Path file) {
        return dir.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }

    /** SHA-256 over the effective settings, one {@code key=value} line each in key order (token-free). */
    static String profileDigest(List<RunSummary.Setting> settings) {
        StringBuilder text = new StringBuilder();
        settings.stream().sorted(java.util.Comparator.comparing(RunSummary.Setting::key))
                .forEach(s -> text.append(s.key()).append('=').append(s.value()).append('\n'));
        return sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The jar or classes directory {@code type} was loaded from. */
    static Code codeOf(Class<?> type) {
        try {
            java.security.CodeSource source = type.getProtectionDomain().getCodeSource();
            if (source == null) {
                return new Code("unknown", "(no code source)", "", 0);
            }
            Path location = Path.of(source.getLocation().toURI());
            if (Files.isDirectory(location)) {
                Map<String, String> files = new TreeMap<>();
                try (Stream<Path> walk = Files.walk(location)) {
                    walk.filter(Files::isRegularFile).forEach(f -> files.put(relative(location, f), sha256(f)));
                }
                StringBuilder text = new StringBuilder();
                files.forEach((path, digest) -> text.append(path).append(' ').append(digest).append('\n'));
                return new Code("directory", displayName(location), sha256(text.toString()
                        .getBytes(StandardCharsets.UTF_8)), files.size());
            }
            return new Code("jar", location.getFileName().toString(), sha256(location), 1);
        } catch (URISyntaxException | IOException | RuntimeException e) {
            return new Code("unknown", "(code source unreadable: " + e.getClass().getSimpleName() + ")", "", 0);
        }
    }

    /** {@code target/classes}: the last two path elements, so no home directory reaches a published file. */
    private static String displayName(Path location) {
        int n = location.getNameCount();
        return n >= 2 ? location.subpath(n - 2, n).toString().replace(java.io.File.separatorChar, '/')
                : location.toString();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
