package com.carcatalog.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import com.carcatalog.core.config.CatalogConfig;
import com.carcatalog.core.schema.IndexCatalog;
import com.carcatalog.core.schema.TableDefinitions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;

/**
 * The tables on AWS are the tables the code (and the local stack, which creates its tables from
 * {@link TableDefinitions}) knows: same keys, attribute definitions, indexes and projections.
 */
class TemplateTablesTest {

    private final Template template = Templates.application();

    @Test
    void carsTableEqualsTheIndexCatalog() {
        assertSameTable(template.resource("CarsTable"), TableDefinitions.carsTable("cars", IndexCatalog.cars()));
    }

    @Test
    void filterTableEqualsItsTableDefinition() {
        assertSameTable(template.resource("FilterTable"), TableDefinitions.filterTable("filters"));
    }

    @Test
    void tableNamesAreParametersDefaultingToTheNamesTheCodeFallsBackTo() {
        assertThat(Values.refName(template.resource("CarsTable").property("TableName"))).isEqualTo("dynamoDBTableName");
        assertThat(Values.refName(template.resource("FilterTable").property("TableName"))).isEqualTo("dynamoDBFilterTableName");
        assertThat(template.parameter("dynamoDBTableName").get("Default")).isEqualTo(CatalogConfig.DEFAULT_CARS_TABLE);
        assertThat(template.parameter("dynamoDBFilterTableName").get("Default")).isEqualTo(CatalogConfig.DEFAULT_FILTER_TABLE);
    }

    @Test
    void billingIsOnDemandUnlessTheParameterSaysProvisioned() {
        assertThat(template.parameter("TableBillingMode").get("Default"))
                .as("default billing mode (TableDefinitions creates on-demand tables)")
                .isEqualTo(BillingMode.PAY_PER_REQUEST.toString());
        for (Template.Resource table : template.ofType("AWS::DynamoDB::Table")) {
            assertThat(Values.refName(table.property("BillingMode"))).as("%s.BillingMode", table.id()).isEqualTo("TableBillingMode");
            List<Object> throughputs = new ArrayList<>();
            throughputs.add(table.property("ProvisionedThroughput"));
            for (Object index : Values.list(table.property("GlobalSecondaryIndexes"))) {
                throughputs.add(Values.map(index, table.id()).get("ProvisionedThroughput"));
            }
            for (Object throughput : throughputs) {
                assertThat(Expressions.render(throughput)).as("%s: ProvisionedThroughput only when provisioned", table.id())
                        .startsWith("{if ProvisionedBilling: ").endsWith(" else ${AWS::NoValue}}");
            }
        }
    }

    @Test
    void tablesHavePointInTimeRecoveryAndDeletionProtectionByParameter() {
        assertThat(template.ofType("AWS::DynamoDB::Table")).hasSize(2);
        for (Template.Resource table : template.ofType("AWS::DynamoDB::Table")) {
            assertThat(table.map("PointInTimeRecoverySpecification").get("PointInTimeRecoveryEnabled"))
                    .as("%s point-in-time recovery", table.id()).isEqualTo(true);
            assertThat(Values.refName(table.property("DeletionProtectionEnabled")))
                    .as("%s.DeletionProtectionEnabled", table.id()).isEqualTo("TableDeletionProtection");
        }
    }

    private static void assertSameTable(Template.Resource table, CreateTableRequest expected) {
        assertThat(attributes(Values.list(table.property("AttributeDefinitions"))))
                .as("%s.AttributeDefinitions (TableDefinitions)", table.id())
                .isEqualTo(expected.attributeDefinitions().stream()
                        .collect(Collectors.toMap(AttributeDefinition::attributeName, a -> a.attributeTypeAsString(), (a, b) -> a, TreeMap::new)));
        assertThat(keys(table.property("KeySchema"))).as("%s.KeySchema", table.id()).isEqualTo(keys(expected.keySchema()));
        assertThat(indexes(table, "GlobalSecondaryIndexes")).as("%s.GlobalSecondaryIndexes (IndexCatalog GSIs)", table.id())
                .isEqualTo(expectedIndexes(expected.globalSecondaryIndexes().stream()
                        .map(i -> Map.entry(i.indexName(), new IndexShape(keys(i.keySchema()), projection(i.projection())))).toList()));
        assertThat(indexes(table, "LocalSecondaryIndexes")).as("%s.LocalSecondaryIndexes (IndexCatalog LSIs)", table.id())
                .isEqualTo(expectedIndexes(expected.localSecondaryIndexes().stream()
                        .map(i -> Map.entry(i.indexName(), new IndexShape(keys(i.keySchema()), projection(i.projection())))).toList()));
        Set<String> used = new java.util.TreeSet<>();
        keys(table.property("KeySchema")).forEach(k -> used.add(k.split(" ")[0]));
        indexes(table, "GlobalSecondaryIndexes").values().forEach(i -> i.keys().forEach(k -> used.add(k.split(" ")[0])));
        indexes(table, "LocalSecondaryIndexes").values().forEach(i -> i.keys().forEach(k -> used.add(k.split(" ")[0])));
        assertThat(used).as("%s: key attributes = defined attributes (CloudFormation rejects unused definitions)", table.id())
                .isEqualTo(attributes(Values.list(table.property("AttributeDefinitions"))).keySet());
    }

    /** An index's keys ("name HASH", "name RANGE") and projection type. */
    private record IndexShape(List<String> keys, String projection) {
    }

    private static Map<String, IndexShape> indexes(Template.Resource table, String property) {
        Map<String, IndexShape> indexes = new TreeMap<>();
        for (Object item : Values.list(table.property(property))) {
            Map<String, Object> index = Values.map(item, table.id() + "." + property);
            String projection = String.valueOf(Values.map(index.get("Projection"), table.id() + ".Projection").get("ProjectionType"));
            indexes.put(String.valueOf(index.get("IndexName")), new IndexShape(keys(index.get("KeySchema")), projection));
        }
        return indexes;
    }

    private static Map<String, IndexShape> expectedIndexes(List<Map.Entry<String, IndexShape>> entries) {
        Map<String, IndexShape> indexes = new TreeMap<>();
        entries.forEach(e -> indexes.put(e.getKey(), e.getValue()));
        return indexes;
    }

    private static Map<String, String> attributes(List<Object> definitions) {
        Map<String, String> attributes = new TreeMap<>();
        for (Object item : definitions) {
            Map<String, Object> definition = Values.map(item, "AttributeDefinitions[]");
            attributes.put(String.valueOf(definition.get("AttributeName")), String.valueOf(definition.get("AttributeType")));
        }
        return attributes;
    }

    private static List<String> keys(Object keySchema) {
        List<String> keys = new ArrayList<>();
        for (Object item : Values.list(keySchema)) {
            if (item instanceof KeySchemaElement element) {
                keys.add(element.attributeName() + " " + element.keyTypeAsString());
            } else {
                Map<String, Object> key = Values.map(item, "KeySchema[]");
                keys.add(key.get("AttributeName") + " " + key.get("KeyType"));
            }
        }
        return keys;
    }

    private static String projection(Projection projection) {
        return projection.projectionTypeAsString();
    }
}
