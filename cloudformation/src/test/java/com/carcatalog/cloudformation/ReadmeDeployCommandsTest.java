package com.carcatalog.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's deploy-by-hand commands must work for templates of the size ours are: CloudFormation
 * refuses a template body over 51,200 bytes, so {@code aws cloudformation deploy} of a larger one
 * needs {@code --s3-bucket} (it then uploads the template there first).
 */
class ReadmeDeployCommandsTest {

    /** CloudFormation's limit for a template passed in the request body. */
    static final int TEMPLATE_BODY_LIMIT = 51_200;

    private static final Pattern CODE_URI = Pattern.compile("(CodeUri|DefinitionS3Location): \\.\\./\\S+");

    @Test
    void everyReadmeDeployOfATemplateOverTheBodyLimitUploadsItThroughABucket() throws IOException {
        List<String> deploys = commands("aws cloudformation deploy");

        assertThat(deploys).as("the README deploys the application and the pipeline").hasSizeGreaterThanOrEqualTo(2);
        for (String deploy : deploys) {
            String template = option(deploy, "--template-file");
            long size = template.equals("packaged-template.yaml") ? packagedTemplateSize() : Files.size(Project.root().resolve(template));
            if (size > TEMPLATE_BODY_LIMIT) {
                assertThat(deploy).as("%s is about %,d bytes, over CloudFormation's %,d: %s", template, size, TEMPLATE_BODY_LIMIT, deploy)
                        .contains("--s3-bucket ");
            }
        }
    }

    @Test
    void theApplicationTemplateIsOverTheLimitSoTheCheckAboveMatters() throws IOException {
        assertThat(packagedTemplateSize()).isGreaterThan(TEMPLATE_BODY_LIMIT);
    }

    /**
     * What {@code aws cloudformation package} writes, approximately: the template with each local
     * artifact path replaced by an S3 URL of the usual length, comment lines dropped.
     */
    static long packagedTemplateSize() throws IOException {
        String s3Url = "s3://car-catalog-artifacts-123456789012/packages/0123456789abcdef0123456789abcdef";
        StringBuilder packaged = new StringBuilder();
        for (String line : Files.readAllLines(Project.template(), StandardCharsets.UTF_8)) {
            if (line.strip().startsWith("#")) {
                continue;
            }
            Matcher local = CODE_URI.matcher(line);
            packaged.append(local.find() ? local.replaceFirst("$1: " + s3Url) : line).append('\n');
        }
        return packaged.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    private static List<String> commands(String prefix) throws IOException {
        List<String> commands = new ArrayList<>();
        StringBuilder current = null;
        for (String line : Files.readAllLines(Project.root().resolve("README.md"), StandardCharsets.UTF_8)) {
            String text = line.strip();
            if (current == null && text.startsWith(prefix)) {
                current = new StringBuilder();
            }
            if (current != null) {
                boolean continues = text.endsWith("\\");
                current.append(continues ? text.substring(0, text.length() - 1) : text).append(' ');
                if (!continues) {
                    commands.add(current.toString().replaceAll("\\s+", " ").strip());
                    current = null;
                }
            }
        }
        return commands;
    }

    private static String option(String command, String name) {
        Matcher value = Pattern.compile(Pattern.quote(name) + " (\\S+)").matcher(command);
        assertThat(value.find()).as("%s in %s", name, command).isTrue();
        return value.group(1);
    }
}
