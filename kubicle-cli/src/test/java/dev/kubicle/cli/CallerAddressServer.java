package dev.kubicle.cli;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A web server on the host, at the engine's own address on a cluster's network (its bridge), that answers every
 * request with the address it came from: a pod that reaches it shows what its traffic leaving the pod network looks
 * like outside, where nothing routes back to pod addresses.
 */
final class CallerAddressServer implements AutoCloseable {
    private final HttpServer server;

    CallerAddressServer(String address) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 0);
        server.createContext("/", exchange -> {
            byte[] caller = exchange.getRemoteAddress().getAddress().getHostAddress()
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, caller.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(caller);
            }
        });
        server.start();
    }

    /** The URL a pod fetches, with an IPv6 address in brackets. */
    String url() {
        InetSocketAddress bound = server.getAddress();
        String host = bound.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
