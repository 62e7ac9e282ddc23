package com.carcatalog.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local API's edges, driven with raw HTTP requests (an HTTP client library would refuse to send
 * most of them): every answer is JSON {@code {"message"}} with the CORS header and the status a
 * client can act on, whether the gateway or the function answers.
 */
class ApiEdgesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStackSettings.ephemeral(null).withCorsOrigin("https://shop.example.com"));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aMalformedPercentEncodingIsA400() throws IOException {
        for (String target : new String[] {"/cars?fuel=%", "/cars?fuel=%zz", "/cars?%zz=Diesel", "/cars%zz"}) {
            assertJsonError(target, 400);
        }
    }

    @Test
    void aQueryValueThatIsNotUtf8IsA400() throws IOException {
        assertThat(assertJsonError("/cars?model=%C3%28", 400).get("message").asText()).contains("UTF-8");
        assertJsonError("/cars?model=%FF", 400);
    }

    @Test
    void aQueryValueHoldingAControlCharacterIsA400() throws IOException {
        assertThat(assertJsonError("/cars?fuel=Die%01sel", 400).get("message").asText()).contains("control character");
        assertJsonError("/cars?fuel=Diesel%0A", 400);
    }

    @Test
    void aPathWithAnEmptySegmentIsA404() throws IOException {
        assertJsonError("//cars", 404);
        assertJsonError("/cars//", 404);
    }

    @Test
    void aQueryOfAMegabyteIsA414() throws IOException {
        assertJsonError("/cars?model=" + "a".repeat(1_000_000), 414);
    }

    @Test
    void filtersRejectsUnknownParametersLikeCars() throws IOException {
        assertThat(assertJsonError("/filters?colour=red", 400).get("message").asText()).contains("colour");
    }

    @Test
    void aWellFormedRequestStillWorks() throws IOException {
        RawResponse response = RawResponse.get(stack.apiEndpoint(), "/cars?fuel=Diesel&limit=5");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("access-control-allow-origin")).isEqualTo("https://shop.example.com");
        assertThat(JSON.readTree(response.body()).get("count").asInt()).isZero();
    }

    private static JsonNode assertJsonError(String target, int status) throws IOException {
        RawResponse response = RawResponse.get(stack.apiEndpoint(), target);
        String shown = target.length() > 40 ? target.substring(0, 40) + "..." : target;

        assertThat(response.status()).as("status of %s", shown).isEqualTo(status);
        assertThat(response.header("content-type")).as("content type of %s", shown).startsWith("application/json");
        assertThat(response.header("access-control-allow-origin")).as("CORS of %s", shown).isEqualTo("https://shop.example.com");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("message").asText()).as("message of %s", shown).isNotBlank();
        return body;
    }

    /** One HTTP/1.1 exchange over a socket, the request line sent byte for byte as given. */
    private record RawResponse(int status, Map<String, String> headers, String body) {

        static RawResponse get(URI endpoint, String target) throws IOException {
            try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
                socket.setSoTimeout(30_000);
                byte[] request = ("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nOrigin: https://shop.example.com\r\n"
                        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
                // Written while the answer is read: a server may answer (414) and close before taking a
                // long request in full, and then the rest of the write fails; the answer is what counts.
                Thread writer = new Thread(() -> {
                    try {
                        OutputStream out = socket.getOutputStream();
                        out.write(request);
                        out.flush();
                    } catch (IOException closedEarly) {
                        // the server stopped reading: its answer is already on the way
                    }
                });
                writer.start();
                return parse(readAll(socket.getInputStream()));
            }
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        private static String readAll(InputStream in) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        }

        private static RawResponse parse(String raw) {
            int headerEnd = raw.indexOf("\r\n\r\n");
            String[] lines = raw.substring(0, headerEnd).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
            return new RawResponse(status, headers, raw.substring(headerEnd + 4));
        }
    }
}
