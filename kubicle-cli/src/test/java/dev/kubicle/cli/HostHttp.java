package dev.kubicle.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** HTTP from the host to what a cluster publishes on it. */
final class HostHttp {
    private HostHttp() {
    }

    /**
     * The body of the first 200 answer within {@code limit}: a Service that just got its endpoints may take a few
     * seconds to be programmed into kube-proxy on the node that publishes it.
     */
    static String getWithin(Duration limit, URI uri) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return response.body();
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(uri + " answered " + response.statusCode() + ": " + response.body());
                }
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(uri + " did not answer within " + limit, e);
                }
            }
            Thread.sleep(500);
        }
    }
}
