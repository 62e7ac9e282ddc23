package com.carcatalog.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * No package of any module uses itself through others: each capability can be read, and changed,
 * after the ones it builds on (in ingest-workflow, in workflow order: trigger, upload validation,
 * parse, write, filters, report). Lives in local-stack because it is the module that sees every
 * other; it reads the sources, so it checks all modules at once.
 */
class PackageCyclesTest {

    private static final Path ROOT = Path.of(System.getProperty("catalog.root", "..")).toAbsolutePath();

    @Test
    void noPackageUsesItselfThroughOthers() {
        PackageGraph graph = PackageGraph.ofMainSources(ROOT);

        assertThat(graph.cycles()).as("package cycles, with the uses that make them: %s",
                graph.cycles().stream().map(graph::usesWithin).toList()).isEmpty();
    }

    @Test
    void theSourcesOfEveryModuleAreRead() {
        assertThat(PackageGraph.ofMainSources(ROOT).packages()).contains("com.carcatalog.core.car",
                "com.carcatalog.local.services", "com.carcatalog.asl", "com.carcatalog.query.api",
                "com.carcatalog.ingest.handler", "com.carcatalog.coldstart.runtime", "com.carcatalog.local.stepfunctions");
    }

    @Test
    void twoPackagesImportingEachOtherAreACycle() {
        PackageGraph graph = PackageGraph.of(Map.of(
                "A.java", "package com.carcatalog.a;\nimport com.carcatalog.b.B;\nclass A {}",
                "B.java", "package com.carcatalog.b;\nclass B { com.carcatalog.a.A a; }",
                "C.java", "package com.carcatalog.c;\nimport com.carcatalog.a.A;\nclass C {}"));

        assertThat(graph.cycles()).containsExactly(Set.of("com.carcatalog.a", "com.carcatalog.b"));
        assertThat(graph.usesWithin(Set.of("com.carcatalog.a", "com.carcatalog.b"))).containsExactly(
                "com.carcatalog.a uses com.carcatalog.b: A.java → com.carcatalog.b.B",
                "com.carcatalog.b uses com.carcatalog.a: B.java → com.carcatalog.a.A");
    }

    @Test
    void aLinkInACommentIsNoUse() {
        PackageGraph graph = PackageGraph.of(Map.of(
                "A.java", "package com.carcatalog.a;\nimport com.carcatalog.b.B;\nclass A {}",
                "B.java", "package com.carcatalog.b;\n/** See {@link com.carcatalog.a.A}. */\nclass B {\n  // com.carcatalog.a.A too\n}"));

        assertThat(graph.cycles()).isEmpty();
    }

    @Test
    void theKnownCycleIsSetApartByItsOneClassOnly() {
        PackageGraph graph = PackageGraph.of(Map.of(
                "Cli.java", "package com.carcatalog.local;\nimport com.carcatalog.local.bench.Bench;\nclass Cli {}",
                "Bench.java", "package com.carcatalog.local.bench;\nimport com.carcatalog.local.Cli;\nclass Bench {}",
                "Ingest.java", "package com.carcatalog.local.ingest;\nimport com.carcatalog.local.Stack;\nclass Ingest {}",
                "Stack.java", "package com.carcatalog.local;\nimport com.carcatalog.local.ingest.Ingest;\nclass Stack {}"));

        assertThat(graph.without(Set.of("com.carcatalog.local.Cli")).cycles())
                .containsExactly(Set.of("com.carcatalog.local", "com.carcatalog.local.ingest"));
        assertThat(List.of(graph.cycles().get(0))).containsExactly(
                Set.of("com.carcatalog.local", "com.carcatalog.local.bench", "com.carcatalog.local.ingest"));
    }
}
