package com.carcatalog.local.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A JVM that exits (Ctrl-C, SIGTERM, System.exit) ends node through its shutdown hook: that is no
 * unexpected exit, or the local stack would report an in-memory catalog as lost on every Ctrl-C.
 */
class DynaliteShutdownIT {

    @Test
    void theJvmsOwnShutdownIsNotReportedAsAnUnexpectedExit() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process probe = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dcatalog.root=" + System.getProperty("catalog.root", ".."), ShutdownProbe.class.getName()))
                .redirectErrorStream(true).start();

        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).as("the probe ends").isTrue();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(output).contains("dynalite started").doesNotContain("UNEXPECTED EXIT");
        assertThat(probe.exitValue()).as(output).isZero();
    }

    /**
     * Starts dynalite with an exit listener, then exits the JVM as Ctrl-C would. Another shutdown
     * hook, like the local stack's closing its services, keeps the JVM alive a while after node is
     * gone, long enough for a wrongly sent exit notice to be printed.
     */
    public static final class ShutdownProbe {

        public static void main(String[] args) {
            DynaliteServer dynalite = DynaliteServer.builder()
                    .onUnexpectedExit(exit -> System.out.println("UNEXPECTED EXIT " + exit)).start();
            ProcessHandle node = ProcessHandle.of(dynalite.pid().orElseThrow()).orElseThrow();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    node.onExit().get(30, TimeUnit.SECONDS);
                    Thread.sleep(2_000);
                } catch (Exception e) {
                    System.out.println("probe hook: " + e);
                }
            }));
            System.out.println("dynalite started");
            System.exit(0);
        }
    }
}
