package org.energychain.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Over HTTP: after five wrong passwords the address must wait (429, Retry-After), even with the right one. */
class ConsoleLoginThrottleTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static HttpResponse<String> login(ConsoleNode n, String password) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(n.url("/console/api/login")))
                .POST(HttpRequest.BodyPublishers.ofString("{\"password\": \"" + password + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void wrongPasswordsAreRefusedAndThenTheAddressIsThrottled() throws Exception {
        try (ConsoleNode n = new ConsoleNode()) {
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> r = login(n, "guess " + i);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
                assertThat(r.body()).contains("WRONG_PASSWORD");
                assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
            }
            HttpResponse<String> sixth = login(n, "guess 5");
            assertThat(sixth.statusCode()).isEqualTo(401);
            HttpResponse<String> throttled = login(n, ConsoleNode.PASSWORD);
            assertThat(throttled.statusCode()).as(throttled.body()).isEqualTo(429);
            assertThat(throttled.body()).contains("too many wrong passwords");
            assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        }
    }
}
