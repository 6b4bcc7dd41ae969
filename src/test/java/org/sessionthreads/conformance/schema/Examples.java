package org.sessionthreads.conformance.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Test bodies: the verbatim doc examples under {@code schema-examples/} and edited copies of them. */
final class Examples {

    static final JsonMapper JSON = JsonMapper.shared();
    /** One registry for all tests in the JVM, as the harness shares one. */
    static final SchemaRegistry REGISTRY = new SchemaRegistry();

    private Examples() {
    }

    /** The archive page's "Example Response", copied verbatim from spec/archive-thread.txt. */
    static String archiveResponse() {
        return text("archive-response.json");
    }

    /** The new-CAS archive example (api-digest §1b), ids expanded from the digest's "…" abbreviations. */
    static String newCasArchiveResponse() {
        return text("new-cas-archive-response.json");
    }

    /** A copy of the archive example with {@code edit} applied to its tree. */
    static String archiveResponseWith(Consumer<ObjectNode> edit) {
        return edited(archiveResponse(), edit);
    }

    static String edited(String json, Consumer<ObjectNode> edit) {
        ObjectNode tree = (ObjectNode) JSON.readTree(json);
        edit.accept(tree);
        return JSON.writeValueAsString(tree);
    }

    static ObjectNode object(ObjectNode parent, String name) {
        return (ObjectNode) parent.get(name);
    }

    static String text(String name) {
        try (InputStream in = Examples.class.getResourceAsStream("/schema-examples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource schema-examples/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
