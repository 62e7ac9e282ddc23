package com.carcatalog.local.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DynaliteInstallationTest {

    @TempDir
    Path checkout;

    @Test
    void isFoundByWalkingUpFromAModuleDirectory() throws IOException {
        installDynaliteIn(checkout);
        Path module = Files.createDirectories(checkout.resolve("query-functions/target"));

        DynaliteInstallation installation = DynaliteInstallation.locate(null, module);

        assertThat(installation.cliScript())
                .isEqualTo(checkout.resolve("local-services/node/node_modules/dynalite/cli.js"));
    }

    @Test
    void catalogRootIsUsedInsteadOfTheWorkingDirectory(@TempDir Path elsewhere) throws IOException {
        installDynaliteIn(checkout);
        installDynaliteIn(elsewhere);

        DynaliteInstallation installation = DynaliteInstallation.locate(checkout, elsewhere);

        assertThat(installation.nodeDirectory()).isEqualTo(checkout.resolve("local-services/node"));
    }

    @Test
    void aMissingInstallationSaysHowToInstallIt() {
        assertThatThrownBy(() -> DynaliteInstallation.locate(null, checkout))
                .isInstanceOf(DynaliteNotInstalledException.class)
                .hasMessageContaining(checkout.toString())
                .hasMessageContaining("mvn -pl local-services generate-resources")
                .hasMessageContaining("npm ci");
    }

    @Test
    void aCatalogRootWithoutAnInstallationIsNotSilentlyIgnored() throws IOException {
        Path module = Files.createDirectories(checkout.resolve("local-stack"));
        installDynaliteIn(checkout);

        assertThatThrownBy(() -> DynaliteInstallation.locate(module, module))
                .isInstanceOf(DynaliteNotInstalledException.class)
                .hasMessageContaining("catalog.root is " + module);
    }

    private static void installDynaliteIn(Path root) throws IOException {
        Path cli = root.resolve("local-services/node/node_modules/dynalite/cli.js");
        Files.createDirectories(cli.getParent());
        Files.writeString(cli, "// stand-in for dynalite's cli\n");
    }
}
