package com.carcatalog.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * cfn-lint checks both templates, and the application template as SAM translates it, against the
 * CloudFormation resource specification (property names and types, SAM included), which the other
 * tests do not. CI and CodeBuild install it ({@code .ci/run},
 * {@code buildspec.yml}) and there a missing cfn-lint fails the test; on a laptop without it the
 * test is skipped.
 */
class TemplateLintTest {

    @ParameterizedTest
    @ValueSource(strings = {"template.yaml", "pipeline.yaml"})
    void cfnLintFindsNoErrorOrWarning(String file) throws IOException, InterruptedException {
        assertLintClean(Project.root().resolve("cloudformation").resolve(file));
    }

    /** What CloudFormation deploys after the SAM transform, with the parameters' defaults. */
    @Test
    void cfnLintFindsNoErrorOrWarningInTheSamTranslation(@TempDir Path work) throws IOException, InterruptedException {
        JsonNode translated = TemplateSamTranslationTest.translate(TemplateSamTranslationTest.defaults());
        Path file = work.resolve("template.translated.json");
        Files.write(file, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(translated));
        assertLintClean(file);
    }

    private static void assertLintClean(Path template) throws IOException, InterruptedException {
        boolean installed = cfnLintInstalled();
        if (mustRun()) {
            assertThat(installed).as("cfn-lint must be installed in CI (.ci/run and buildspec.yml install it)").isTrue();
        }
        assumeTrue(installed, "cfn-lint is not installed");
        Process lint = new ProcessBuilder("cfn-lint", "--", template.toString()).redirectErrorStream(true).start();
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(output).as("cfn-lint %s", template.getFileName()).isEmpty();
        assertThat(lint.exitValue()).isZero();
    }

    /** In CI ({@code CI=true}) and in CodeBuild the lint is part of the build, never skipped. */
    static boolean mustRun() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || System.getenv("CODEBUILD_BUILD_ID") != null;
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
