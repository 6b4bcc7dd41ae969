package org.sessionthreads.conformance.schema;

import java.util.Objects;

/**
 * Names one contract file under the top-level {@code schemas/} directory, e.g.
 * {@code "session-thread.schema.json"} or {@code "events/session.thread_status_terminated.schema.json"}.
 *
 * <p>Scenarios never build these; they use the constants in {@link Schemas}. The file doubles as
 * the last part of the schema's {@code $id}
 * ({@value SchemaRegistry#ID_BASE}{@code <file>}) and of its classpath location
 * ({@code schemas/<file>}).
 *
 * @param file path relative to {@code schemas/}, forward slashes, no {@code ..}
 */
public record SchemaRef(String file) {

    public SchemaRef {
        Objects.requireNonNull(file, "file");
        if (file.isBlank() || file.startsWith("/") || file.contains("..") || file.contains("\\")) {
            throw new IllegalArgumentException("schema file must be a relative path under schemas/: '" + file + "'");
        }
    }

    /** The {@code $id} the file must declare; references between schemas use it. */
    public String id() {
        return SchemaRegistry.ID_BASE + file;
    }

    @Override
    public String toString() {
        return file;
    }
}
