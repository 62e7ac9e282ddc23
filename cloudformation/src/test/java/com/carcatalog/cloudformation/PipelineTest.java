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

    @Test
    void versionsArePrunedRightAfterTheDeploy() {
        List<String> stages = Values.list(pipeline.resource("Pipeline").property("Stages")).stream()
                .map(stage -> String.valueOf(Values.map(stage, "Stages[]").get("Name"))).toList();
        assertThat(stages.indexOf("PruneVersions")).as("stages %s", stages).isEqualTo(stages.indexOf("Deploy") + 1);
        Map<String, Object> prune = action("PruneVersions", "PruneVersions");
        assertThat(Values.map(prune.get("ActionTypeId"), "PruneVersions").get("Provider")).isEqualTo("CodeBuild");
        assertThat(Values.refName(Values.map(prune.get("Configuration"), "PruneVersions").get("ProjectName"))).isEqualTo("PruneProject");
        assertThat(Expressions.render(prune.get("InputArtifacts"))).contains("SourceOutput");

        Template.Resource project = pipeline.resource("PruneProject");
        assertThat(Expressions.render(project.map("Environment").get("EnvironmentVariables")))
                .contains("Name=APP_STACK_NAME").contains("Value=${AppStackName}")
                .contains("Name=KEEP_VERSIONS").contains("Value=${KeepVersions}");
        assertThat(pipeline.parameter("KeepVersions").get("Default")).isEqualTo(5);
        Map<String, Object> buildspec = CfnYaml.load(Project.root().resolve(String.valueOf(project.map("Source").get("BuildSpec"))));
        String script = String.join("\n", Values.list(Values.path(buildspec, "buildspec", "phases", "build").get("commands")).stream()
                .map(String::valueOf).toList());
        assertThat(script).contains("cloudformation/prune-versions/prune_versions.py")
                .contains("--stack-name \"$APP_STACK_NAME\"").contains("--keep \"$KEEP_VERSIONS\"");
        assertThat(Project.root().resolve("cloudformation/prune-versions/prune_versions.py")).exists();
    }

    @Test
    void thePruneRoleListsTheStackAndDeletesOnlyVersionsOfItsFunctions() {
        Iam iam = new Iam(pipeline);
        String functions = "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${AppStackName}-*";
        for (Iam.Statement statement : iam.statements("PruneRole")) {
            for (String action : statement.actions()) {
                switch (action.substring(0, action.indexOf(':'))) {
                    case "lambda" -> assertThat(action).isIn("lambda:ListVersionsByFunction", "lambda:ListAliases", "lambda:DeleteFunction");
                    case "cloudformation" -> {
                        assertThat(action).isEqualTo("cloudformation:ListStackResources");
                        assertThat(statement.resources()).containsExactly(
                                "arn:${AWS::Partition}:cloudformation:${AWS::Region}:${AWS::AccountId}:stack/${AppStackName}/*");
                    }
                    case "s3", "logs" -> assertThat(statement.resources()).allSatisfy(resource ->
                            assertThat(resource).containsAnyOf("${ArtifactBucket", "${BuildLogGroup", "/aws/codebuild/"));
                    default -> throw new AssertionError("the prune role needs no " + action + ": " + statement);
                }
            }
        }
        assertThat(iam.statements("PruneRole")).filteredOn(s -> s.grants("lambda:DeleteFunction"))
                .singleElement().satisfies(s -> assertThat(s.resources()).containsExactly(functions + ":*"));
        assertThat(iam.statements("PruneRole")).filteredOn(s -> s.grants("lambda:ListVersionsByFunction") || s.grants("lambda:ListAliases"))
                .allSatisfy(s -> assertThat(s.resources()).containsExactly(functions));
        assertThat(iam.statements("PipelineRole")).filteredOn(s -> s.grants("codebuild:StartBuild"))
                .flatExtracting(Iam.Statement::resources).contains("${PruneProject.Arn}");
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
