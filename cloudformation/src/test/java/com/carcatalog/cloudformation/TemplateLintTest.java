package com.carcatalog.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * cfn-lint, where installed, checks both templates against the CloudFormation resource
 * specification (property names and types, SAM included), which the other tests do not. Skipped
 * on a machine without cfn-lint.
 */
class TemplateLintTest {

    @ParameterizedTest
    @ValueSource(strings = {"template.yaml", "pipeline.yaml"})
    void cfnLintFindsNoErrorOrWarning(String file) throws IOException, InterruptedException {
        assumeTrue(cfnLintInstalled(), "cfn-lint is not installed");
        Path template = Project.root().resolve("cloudformation").resolve(file);
        Process lint = new ProcessBuilder("cfn-lint", "--", template.toString()).redirectErrorStream(true).start();
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(output).as("cfn-lint %s", file).isEmpty();
        assertThat(lint.exitValue()).isZero();
    }

    private static boolean cfnLintInstalled() {
        try {
            Process version = new ProcessBuilder("cfn-lint", "--version").redirectErrorStream(true).start();
            version.getInputStream().readAllBytes();
            return version.waitFor(2, TimeUnit.MINUTES) && version.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
