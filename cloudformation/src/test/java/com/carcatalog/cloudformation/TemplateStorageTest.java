package com.carcatalog.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.core.snapshot.SnapshotLocation;
import com.carcatalog.ingest.UploadKeys;
import com.carcatalog.ingest.snapshot.SnapshotStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The buckets and the names the functions read: uploads under {@code incoming/} (and only there)
 * start the trigger, both buckets are private, encrypted and TLS-only, staging expires, images are
 * served by CloudFront through origin access control at the URL the query functions use, and the
 * SSM parameters hold the stack's names for readers outside the functions.
 */
class TemplateStorageTest {

    private final Template template = Templates.application();

    @Test
    void uploadsUnderIncomingInvokeTheTriggersAlias() {
        Template.Resource bucket = template.resource("SourceBucket");
        List<Object> configurations = Values.list(bucket.map("NotificationConfiguration").get("LambdaConfigurations"));
        assertThat(configurations).hasSize(1);
        Map<String, Object> configuration = Values.map(configurations.get(0), "LambdaConfigurations[0]");
        assertThat(configuration.get("Event")).isEqualTo("s3:ObjectCreated:*");
        List<Object> rules = Values.list(Values.path(configuration, "LambdaConfigurations[0]", "Filter", "S3Key").get("Rules"));
        assertThat(rules).containsExactly(Map.of("Name", "prefix", "Value", UploadKeys.INCOMING));
        Template.Resource trigger = template.resource("IngestTriggerFunction");
        assertThat(Expressions.render(configuration.get("Function"))).isEqualTo("${" + template.aliasOf(trigger) + "}");

        Template.Resource permission = template.resource("IngestTriggerInvokePermission");
        assertThat(Expressions.render(permission.property("FunctionName"))).isEqualTo("${" + template.aliasOf(trigger) + "}");
        assertThat(permission.property("Principal")).isEqualTo("s3.amazonaws.com");
        assertThat(new Iam(template).canonical(permission.property("SourceArn"))).isEqualTo(new Iam(template).canonical(
                Map.of("Fn::GetAtt", List.of("SourceBucket", "Arn"))));
        assertThat(Values.refName(permission.property("SourceAccount"))).isEqualTo("AWS::AccountId");
        assertThat(bucket.dependsOn()).as("S3 checks the permission when it saves the notification").contains(permission.id());
    }

    @Test
    void bucketsArePrivateEncryptedAndTlsOnly() {
        for (String id : List.of("SourceBucket", "StaticBucket")) {
            Template.Resource bucket = template.resource(id);
            assertThat(bucket.map("PublicAccessBlockConfiguration")).as("%s public access block", id).isEqualTo(Map.of(
                    "BlockPublicAcls", true, "BlockPublicPolicy", true, "IgnorePublicAcls", true, "RestrictPublicBuckets", true));
            assertThat(Expressions.render(bucket.map("BucketEncryption"))).as("%s encryption", id).contains("SSEAlgorithm=");
            Template.Resource policy = bucketPolicy(id);
            String document = Expressions.render(policy.property("PolicyDocument"));
            assertThat(document).as("%s TLS-only policy", id)
                    .contains("Effect=Deny").contains("aws:SecureTransport=false").contains("Principal=*");
        }
    }

    @Test
    void stagingObjectsExpire() {
        List<Object> rules = Values.list(template.resource("SourceBucket").map("LifecycleConfiguration").get("Rules"));
        assertThat(rules).anySatisfy(rule -> {
            Map<String, Object> body = Values.map(rule, "Rules[]");
            assertThat(body.get("Prefix")).isEqualTo(UploadKeys.STAGING);
            assertThat(body.get("Status")).isEqualTo("Enabled");
            assertThat(Values.refName(body.get("ExpirationInDays"))).isEqualTo("StagingExpirationDays");
        });
    }

    @Test
    void supersededSnapshotsExpireAndTheCurrentOneNever() {
        List<Object> rules = Values.list(template.resource("SourceBucket").map("LifecycleConfiguration").get("Rules"));
        List<Map<String, Object>> snapshotRules = rules.stream().map(rule -> Values.map(rule, "Rules[]"))
                .filter(body -> SnapshotLocation.PREFIX.equals(body.get("Prefix"))).toList();
        assertThat(snapshotRules).hasSize(1);
        Map<String, Object> rule = snapshotRules.get(0);
        assertThat(rule.get("Status")).isEqualTo("Enabled");
        assertThat(rule.get("TagFilters")).as("only what PublishSnapshot tagged as superseded")
                .isEqualTo(List.of(Map.of("Key", SnapshotStore.SUPERSEDED.key(), "Value", SnapshotStore.SUPERSEDED.value())));
        assertThat(((Number) rule.get("ExpirationInDays")).intValue()).isBetween(1, 7);
    }

    @Test
    void bucketNamesAreParametersDefaultingToTheNamesTheCodeFallsBackTo() {
        assertThat(Values.refName(template.resource("SourceBucket").property("BucketName"))).isEqualTo("sourceDataS3Bucket");
        assertThat(Values.refName(template.resource("StaticBucket").property("BucketName"))).isEqualTo("staticDataS3Bucket");
        assertThat(template.parameter("sourceDataS3Bucket").get("Default")).isEqualTo(CatalogConfig.DEFAULT_SOURCE_BUCKET);
        assertThat(template.parameter("staticDataS3Bucket").get("Default")).isEqualTo(CatalogConfig.DEFAULT_STATIC_BUCKET);
    }

    @Test
    void imagesAreServedByCloudFrontThroughOriginAccessControl() {
        Template.Resource distribution = template.resource("StaticDistribution");
        Map<String, Object> config = distribution.map("DistributionConfig");
        Map<String, Object> origin = Values.map(Values.list(config.get("Origins")).get(0), "Origins[0]");
        assertThat(Expressions.render(origin.get("DomainName"))).isEqualTo("${StaticBucket.RegionalDomainName}");
        assertThat(Expressions.render(origin.get("OriginAccessControlId"))).isEqualTo("${StaticOriginAccessControl.Id}");
        Map<String, Object> control = template.resource("StaticOriginAccessControl").map("OriginAccessControlConfig");
        assertThat(control).containsEntry("OriginAccessControlOriginType", "s3").containsEntry("SigningBehavior", "always")
                .containsEntry("SigningProtocol", "sigv4");
        assertThat(Values.map(config.get("DefaultCacheBehavior"), "DefaultCacheBehavior").get("ViewerProtocolPolicy"))
                .isEqualTo("redirect-to-https");

        String policy = Expressions.render(bucketPolicy("StaticBucket").property("PolicyDocument"));
        assertThat(policy).as("only this distribution may read the images")
                .contains("Service=cloudfront.amazonaws.com")
                .contains("AWS:SourceArn=arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${StaticDistribution}");
    }

    @Test
    void queryFunctionsBuildImageUrlsOnTheDistribution() {
        for (Template.Resource function : template.ofType("AWS::Serverless::Function")) {
            if (function.string("Handler").startsWith("com.carcatalog.query.api.CarsHandler")) {
                Object url = Values.path(function.properties(), function.id(), "Environment", "Variables").get("IMAGE_BASE_URL");
                assertThat(Expressions.render(url)).as("%s IMAGE_BASE_URL", function.id())
                        .isEqualTo("https://${StaticDistribution.DomainName}");
            }
        }
    }

    @Test
    void ssmParametersHoldTheStacksNamesForOtherReaders() {
        Map<String, String> expected = Map.of(
                "CarsTableNameParameter", "CarsTable",
                "FilterTableNameParameter", "FilterTable",
                "StaticBucketNameParameter", "StaticBucket");
        Map<String, String> held = new java.util.TreeMap<>();
        for (Template.Resource parameter : template.ofType("AWS::SSM::Parameter")) {
            held.put(parameter.id(), Values.refName(parameter.property("Value")));
        }
        assertThat(held).isEqualTo(expected);
    }

    private Template.Resource bucketPolicy(String bucket) {
        return template.ofType("AWS::S3::BucketPolicy").stream()
                .filter(policy -> bucket.equals(Values.refName(policy.property("Bucket"))))
                .findFirst().orElseThrow(() -> new AssertionError(bucket + " has no bucket policy"));
    }
}
