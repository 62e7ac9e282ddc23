package com.carcatalog.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The delivery pipeline: GitHub (version 2) through a CodeStar connection on main, CodeBuild running
 * buildspec.yml, and a CloudFormation change set created then executed from the template the build
 * packaged; buildspec.yml verifies, validates the ASL file, packages, and caches Maven's repository.
 */
class PipelineTest {

    private final Template pipeline = Templates.pipeline();

    @Test
    void sourceIsGitHubThroughACodeStarConnectionOnMain() {
        Map<String, Object> source = action("Source", "Source");
        assertThat(Values.map(source.get("ActionTypeId"), "Source").get("Provider")).isEqualTo("CodeStarSourceConnection");
        Map<String, Object> configuration = Values.map(source.get("Configuration"), "Source.Configuration");
        assertThat(Values.refName(configuration.get("BranchName"))).isEqualTo("BranchName");
        assertThat(pipeline.parameter("BranchName").get("Default")).isEqualTo("main");
        assertThat(Values.refName(configuration.get("FullRepositoryId"))).isEqualTo("GitHubRepository");
        assertThat(Expressions.render(configuration.get("ConnectionArn")))
                .isEqualTo("{if CreateConnection: ${GitHubConnection} else ${ConnectionArn}}");
        assertThat(pipeline.resource("GitHubConnection").property("ProviderType")).isEqualTo("GitHub");

        Template.Resource resource = pipeline.resource("Pipeline");
        assertThat(resource.property("PipelineType")).isEqualTo("V2");
        String triggers = Expressions.render(resource.property("Triggers"));
        assertThat(triggers).contains("SourceActionName=Source").contains("Includes=[${BranchName}]");
    }

    @Test
    void buildRunsTheBuildspecWithTheArtifactBucket() {
        Map<String, Object> build = action("Build", "Build");
        assertThat(Values.refName(Values.map(build.get("Configuration"), "Build").get("ProjectName"))).isEqualTo("BuildProject");
        Template.Resource project = pipeline.resource("BuildProject");
        assertThat(project.map("Source").get("BuildSpec")).isEqualTo(Project.root().relativize(Project.buildspec()).toString());
        assertThat(Expressions.render(project.map("Environment").get("EnvironmentVariables")))
                .contains("Name=ARTIFACT_BUCKET").contains("Value=${ArtifactBucket}");
        assertThat(Expressions.render(project.map("Cache").get("Location"))).startsWith("${ArtifactBucket}/");
    }

    @Test
    void deployCreatesThenExecutesAChangeSetOfThePackagedTemplate() {
        Map<String, Object> create = action("Deploy", "CreateChangeSet");
        Map<String, Object> execute = action("Deploy", "ExecuteChangeSet");
        Map<String, Object> createConfig = Values.map(create.get("Configuration"), "CreateChangeSet");
        Map<String, Object> executeConfig = Values.map(execute.get("Configuration"), "ExecuteChangeSet");
        assertThat(createConfig.get("ActionMode")).isEqualTo("CHANGE_SET_REPLACE");
        assertThat(executeConfig.get("ActionMode")).isEqualTo("CHANGE_SET_EXECUTE");
        assertThat((Integer) create.get("RunOrder")).isLessThan((Integer) execute.get("RunOrder"));
        assertThat(Expressions.render(executeConfig.get("ChangeSetName"))).isEqualTo(Expressions.render(createConfig.get("ChangeSetName")));
        assertThat(String.valueOf(createConfig.get("Capabilities"))).contains("CAPABILITY_IAM").contains("CAPABILITY_AUTO_EXPAND");
        assertThat(Expressions.render(createConfig.get("RoleArn"))).isEqualTo("${DeployRole.Arn}");
        assertThat(createConfig.get("TemplatePath")).isEqualTo("BuildOutput::" + packagedTemplate());
    }

    @Test
    void parameterOverridesNameOnlyApplicationParameters() {
        Template application = Templates.application();
        String overrides = Expressions.render(Values.map(action("Deploy", "CreateChangeSet").get("Configuration"), "Deploy")
                .get("ParameterOverrides"));
        Map<?, ?> parsed = (Map<?, ?>) CfnYaml.loadString(overrides);
        assertThat(parsed).isNotEmpty();
        for (Object name : parsed.keySet()) {
            assertThat(application.parameters()).as("override %s", name).containsKey(String.valueOf(name));
        }
    }

    @Test
    void buildspecVerifiesValidatesPackagesAndCachesMaven() {
        Map<String, Object> buildspec = CfnYaml.load(Project.buildspec());
        Map<String, Object> install = Values.path(buildspec, "buildspec", "phases", "install", "runtime-versions");
        assertThat(String.valueOf(install.get("java"))).isIn("corretto17", "corretto21");
        assertThat(install).containsKey("nodejs");
        List<Object> commands = Values.list(Values.path(buildspec, "buildspec", "phases", "build").get("commands"));
        String script = String.join("\n", commands.stream().map(String::valueOf).toList());
        assertThat(script).contains("mvn -B verify").contains("node statemachine/validate.js")
                .contains("aws cloudformation package").contains("--template-file cloudformation/template.yaml")
                .contains("--s3-bucket \"$ARTIFACT_BUCKET\"").contains("--output-template-file " + packagedTemplate());
        assertThat(Values.path(buildspec, "buildspec", "phases", "build").get("on-failure")).isEqualTo("ABORT");
        assertThat(Values.list(Values.path(buildspec, "buildspec", "cache").get("paths"))).contains("/root/.m2/**/*");
    }

    @Test
    void pipelineRolesStayWithinTheirJobs() {
        Iam iam = new Iam(pipeline);
        Set<String> pipelineServices = Set.of("codestar-connections", "codeconnections", "s3", "codebuild", "cloudformation", "iam");
        for (Iam.Statement statement : iam.statements("PipelineRole")) {
            assertThat(statement.actions()).allSatisfy(action ->
                    assertThat(pipelineServices).as("%s", statement).contains(action.substring(0, action.indexOf(':'))));
        }
        assertThat(iam.statements("PipelineRole")).filteredOn(s -> s.grants("iam:PassRole"))
                .allSatisfy(s -> assertThat(s.resources()).containsExactly("${DeployRole.Arn}"));
        assertThat(iam.statements("BuildRole")).allSatisfy(s -> assertThat(s.resources()).allSatisfy(resource ->
                assertThat(resource).containsAnyOf("${ArtifactBucket", "${BuildLogGroup", "/aws/codebuild/")));
    }

    private String packagedTemplate() {
        Map<String, Object> buildspec = CfnYaml.load(Project.buildspec());
        List<Object> files = Values.list(Values.path(buildspec, "buildspec", "artifacts").get("files"));
        assertThat(files).hasSize(1);
        return String.valueOf(files.get(0));
    }

    private Map<String, Object> action(String stageName, String actionName) {
        for (Object stage : Values.list(pipeline.resource("Pipeline").property("Stages"))) {
            Map<String, Object> body = Values.map(stage, "Stages[]");
            if (stageName.equals(body.get("Name"))) {
                for (Object action : Values.list(body.get("Actions"))) {
                    Map<String, Object> actionBody = Values.map(action, stageName + ".Actions[]");
                    if (actionName.equals(actionBody.get("Name"))) {
                        return actionBody;
                    }
                }
            }
        }
        throw new AssertionError("pipeline has no action " + stageName + "/" + actionName);
    }
}
