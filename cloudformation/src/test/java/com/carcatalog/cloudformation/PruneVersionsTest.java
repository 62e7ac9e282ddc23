package com.carcatalog.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's version pruning ({@code prune-versions/prune_versions.py}) is Python, run by
 * CodeBuild; its own unit tests ({@code test_prune_versions.py}: aliased versions kept, the newest
 * kept, $LATEST never touched, every page read) run here so {@code mvn verify} fails when they do.
 */
class PruneVersionsTest {

    @Test
    void thePruningsUnitTestsPass() throws IOException, InterruptedException {
        Process tests = new ProcessBuilder("python3", "-m", "unittest", "-v", "test_prune_versions")
                .directory(Project.root().resolve("cloudformation/prune-versions").toFile())
                .redirectErrorStream(true).start();
        String output = new String(tests.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tests.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(tests.exitValue()).as(output).isZero();
        assertThat(output).as(output).containsPattern("Ran (1\\d|[2-9]\\d) tests").contains("OK");
    }
}
