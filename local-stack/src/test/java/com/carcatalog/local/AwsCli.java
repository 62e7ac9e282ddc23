package com.carcatalog.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The real AWS CLI, run as a process with dummy credentials, JSON output and a private config
 * folder, so no configuration of the developer's is read. For tests that drive the local stack the
 * way a person would.
 */
public final class AwsCli {

    /** What one command printed and how it exited. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    private final Path executable;
    private final Path home;

    private AwsCli(Path executable, Path home) {
        this.executable = executable;
        this.home = home;
    }

    /** The {@code aws} on the PATH, keeping its files under {@code home}; empty when it is not installed. */
    public static Optional<AwsCli> onPath(Path home) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator))
                .map(directory -> Path.of(directory, "aws"))
                .filter(Files::isExecutable)
                .findFirst()
                .map(aws -> new AwsCli(aws, home));
    }

    /**
     * The {@code aws} on the PATH. Without one the calling test is skipped on a laptop, but fails in
     * CI ({@code CI=true}), where {@code .ci/run} installs the CLI: a CLI test must never pass by
     * silently not running there.
     */
    public static AwsCli required(Path home) {
        Optional<AwsCli> aws = onPath(home);
        if (aws.isEmpty() && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("the AWS CLI (aws) is not installed; .ci/run installs it for CI");
        }
        Assumptions.assumeTrue(aws.isPresent(), "the AWS CLI (aws) is not installed");
        return aws.get();
    }

    public Result run(String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(arguments));
        command.addAll(List.of("--output", "json"));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_PAGER", "");
        env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        env.remove("AWS_PROFILE");
        env.remove("AWS_SESSION_TOKEN");
        Path stdout = home.resolve("stdout");
        Path stderr = home.resolve("stderr");
        Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("aws %s finished", List.of(arguments)).isTrue();
        return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }
}
