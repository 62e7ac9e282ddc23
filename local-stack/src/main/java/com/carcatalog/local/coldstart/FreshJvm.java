package com.carcatalog.local.coldstart;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.carcatalog.coldstart.runtime.SingleInvocation;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one handler of a Lambda jar as a cold Lambda container does: a new JVM with the Java runtime's
 * flags, the jar alone in its class loader ({@link SingleInvocation}), one event, and the time from
 * starting the JVM to the handler's response. Each call is a cold start.
 */
public final class FreshJvm {

    /** What the Lambda Java 17 and 21 runtimes set by default: C1 only, the fastest start. */
    public static final List<String> LAMBDA_JVM_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");
    /** Only against a hang: a first invocation on the local stack takes seconds. */
    private static final long EXIT_PATIENCE_MINUTES = 5;

    private final Map<String, String> environment;

    /** @param environment the function's whole environment (nothing of this process's is passed on) */
    public FreshJvm(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The function's response and how long after the JVM's start it arrived. */
    public record Invocation(String response, Duration firstResponse) {
    }

    /** Starts a JVM, invokes {@code handler} of {@code jar} with {@code event}, waits for its exit. */
    public Invocation invoke(Path jar, String handler, String event) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LAMBDA_JVM_FLAGS);
        command.addAll(List.of("-cp", runtimeClasspath(), SingleInvocation.class.getName(), jar.toString(), handler));
        Path errors = null;
        try {
            errors = Files.createTempFile("fresh-jvm-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            long started = System.nanoTime();
            Process process = builder.start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(event.getBytes(StandardCharsets.UTF_8));
            }
            String response;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                response = out.readLine();
                long answered = System.nanoTime();
                if (!process.waitFor(EXIT_PATIENCE_MINUTES, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(handler + " did not exit within " + EXIT_PATIENCE_MINUTES + " minutes");
                }
                if (process.exitValue() != 0 || response == null) {
                    throw new IllegalStateException(handler + " from " + jar.getFileName() + " failed in a fresh JVM (exit "
                            + process.exitValue() + "):\n" + tail(Files.readString(errors)));
                }
                return new Invocation(response, Duration.ofNanos(answered - started));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + handler + " ran", e);
        } finally {
            if (errors != null) {
                errors.toFile().delete();
            }
        }
    }

    /** The runtime and the Lambda serializer it uses, as the Lambda runtime has them outside the function's jar. */
    private static String runtimeClasspath() {
        return location(SingleInvocation.class) + File.pathSeparator + location(PojoSerializer.class);
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String tail(String text) {
        return text.length() <= 4000 ? text : "..." + text.substring(text.length() - 4000);
    }
}
