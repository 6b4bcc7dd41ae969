package org.sessionthreads.conformance.client.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.apache.http.HttpEntity;
import org.apache.http.conn.ConnectionReleaseTrigger;
import org.apache.http.entity.HttpEntityWrapper;

/**
 * An answer body read at most up to {@code limit} bytes. A longer body is cut off there: the stream then yields
 * {@link #marker(long)} and ends, and the connection is aborted rather than drained, so a 50 MB (or endless) body
 * costs {@code limit} bytes of memory and no more time. The marker is not JSON, so whatever the answer promised is
 * judged as broken (a FAIL naming the requirement), and it says why in every report that quotes the body.
 */
final class BoundedEntity extends HttpEntityWrapper {
    private final long limit;
    private final RequestGuard guard;

    BoundedEntity(HttpEntity wrapped, long limit, RequestGuard guard) {
        super(wrapped);
        this.limit = limit;
        this.guard = guard;
    }

    /** The text that ends a body cut off after {@code limit} bytes. */
    static String marker(long limit) {
        return "\n[conformance: answer body cut off after " + limit + " bytes (limits.body); the rest was not read]";
    }

    @Override
    public long getContentLength() {
        return -1; // why: a reader must not size a buffer by a Content-Length of 50 MB
    }

    @Override
    public boolean isRepeatable() {
        return false;
    }

    @Override
    public InputStream getContent() throws IOException {
        return new Bounded(wrappedEntity.getContent());
    }

    @Override
    public void writeTo(java.io.OutputStream out) throws IOException {
        try (InputStream in = getContent()) {
            in.transferTo(out);
        }
    }

    private final class Bounded extends InputStream {
        private final InputStream in;
        private long read;
        private byte[] tail;
        private int tailAt;

        Bounded(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (tail != null) {
                if (tailAt >= tail.length) {
                    return -1;
                }
                int n = Math.min(length, tail.length - tailAt);
                System.arraycopy(tail, tailAt, buffer, offset, n);
                tailAt += n;
                return n;
            }
            if (read >= limit) {
                if (in.read() < 0) {
                    return -1;
                }
                cutOff();
                return read(buffer, offset, length);
            }
            int n = in.read(buffer, offset, (int) Math.min(length, limit - read));
            if (n > 0) {
                read += n;
            }
            return n;
        }

        private void cutOff() throws IOException {
            tail = marker(limit).getBytes(StandardCharsets.UTF_8);
            guard.markCutOff();
            if (in instanceof ConnectionReleaseTrigger trigger) {
                trigger.abortConnection(); // why: closing would drain the rest of the body to reuse the connection
            } else {
                guard.abort();
            }
        }

        @Override
        public void close() throws IOException {
            if (tail == null) {
                in.close();
            }
        }
    }
}
