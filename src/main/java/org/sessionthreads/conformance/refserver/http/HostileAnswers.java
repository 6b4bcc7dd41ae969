package org.sessionthreads.conformance.refserver.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardSocketOptions;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.sessionthreads.conformance.refserver.TransportFault;

/**
 * How the archive answer goes wrong on the wire for each {@link TransportFault}: never, slowly, hugely, elsewhere,
 * or half. Each writes straight to the response stream, so nothing big is held in memory and a client that gives
 * up ends the writing (the next write fails).
 */
final class HostileAnswers {
    private HostileAnswers() {
    }

    /** {@link TransportFault#ARCHIVE_HANGS}: an async answer that is never completed (no thread is held). */
    static void hang(Context ctx) {
        ctx.future(CompletableFuture::new);
    }

    /** {@link TransportFault#REDIRECT_TO_OTHER_ORIGIN}: 307 to the same path on the other loopback name. */
    static void redirect(Context ctx) {
        String host = ctx.req().getServerName();
        String other = host.equals("localhost") ? "127.0.0.1" : "localhost";
        ctx.status(307).header("Location", "http://" + other + ":" + ctx.req().getServerPort() + ctx.path());
    }

    /** {@link TransportFault#ARCHIVE_BODY_DRIPS}: {@code body}, one byte every {@value TransportFault#DRIP_MILLIS} ms. */
    static void drip(Context ctx, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        start(ctx, bytes.length);
        OutputStream out = ctx.res().getOutputStream();
        for (byte b : bytes) {
            out.write(b);
            out.flush(); // a client that gave up makes this fail, which ends the drip
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(TransportFault.DRIP_MILLIS));
        }
    }

    /** {@link TransportFault#ARCHIVE_BODY_FLOOD}: {@value TransportFault#FLOOD_BYTES} bytes of one JSON string. */
    static void flood(Context ctx) throws IOException {
        start(ctx, TransportFault.FLOOD_BYTES);
        OutputStream out = ctx.res().getOutputStream();
        byte[] open = "{\"id\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[] close = "\"}".getBytes(StandardCharsets.US_ASCII);
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        out.write(open);
        long left = TransportFault.FLOOD_BYTES - open.length - close.length;
        while (left > 0) {
            int n = (int) Math.min(chunk.length, left);
            out.write(chunk, 0, n);
            left -= n;
        }
        out.write(close);
    }

    /** {@link TransportFault#RESET_CONNECTION}: half of {@code body}, then a TCP reset (SO_LINGER 0 and close). */
    static void reset(Context ctx, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        start(ctx, bytes.length);
        OutputStream out = ctx.res().getOutputStream();
        out.write(bytes, 0, bytes.length / 2);
        out.flush();
        EndPoint endPoint = ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData()
                .getConnection().getEndPoint();
        if (endPoint instanceof SocketChannelEndPoint socket) {
            socket.getChannel().setOption(StandardSocketOptions.SO_LINGER, 0);
        }
        endPoint.close();
    }

    private static void start(Context ctx, long length) {
        ctx.status(200).contentType(Json.CONTENT_TYPE);
        ctx.res().setContentLengthLong(length);
    }
}
