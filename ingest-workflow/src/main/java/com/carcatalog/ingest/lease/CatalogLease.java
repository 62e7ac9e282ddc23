package com.carcatalog.ingest.lease;

import com.carcatalog.core.item.CatalogState;
import com.carcatalog.core.schema.FilterTable;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Lets changes of the catalog (loads, removals, replacements, repairs) take turns. Counts stay
 * exact only if no two changes decide at once whether the same car is new: so a change takes
 * this lease before it looks at the cars table and keeps it until its counts are published.
 *
 * <p>The lease is the catalog item of the filter table ({@link FilterTable#CATALOG_ITEM}), changed
 * only by conditional updates. Every step that writes presents its {@link LeaseToken} and
 * extends the lease ({@link #renew}). A change that stops without releasing (a failed execution
 * waiting for its redrive) keeps the lease until it expires; after that another change may take
 * it over with a new epoch and {@code repairPending} set: it recounts the catalog before it writes,
 * and every later step of the stopped change is refused ({@link CatalogLeaseLostException}).
 */
public final class CatalogLease {

    private static final AttributeValue ZERO = number(0);
    private static final AttributeValue ONE = number(1);

    private final DynamoDbClient dynamoDb;
    private final String filterTable;
    private final Clock clock;
    private final Duration ttl;

    public CatalogLease(DynamoDbClient dynamoDb, String filterTable, Clock clock, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("the lease must last a while, got " + ttl);
        }
        this.dynamoDb = dynamoDb;
        this.filterTable = filterTable;
        this.clock = clock;
        this.ttl = ttl;
    }

    /**
     * Takes the lease if it is free or expired, or confirms it when {@code owner} already holds it
     * (a retried step). Never waits: a busy answer tells the caller whom to wait for.
     */
    public LeaseClaim claim(String owner) {
        long now = clock.millis();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":me", string(owner));
        values.put(":expires", number(now + ttl.toMillis()));
        values.put(":zero", ZERO);
        values.put(":one", ONE);
        String take = "SET #owner = :me, #epoch = if_not_exists(#epoch, :zero) + :one, #expires = :expires";
        try {
            return granted(update(take, "attribute_not_exists(#owner)", values, ReturnValue.ALL_NEW));
        } catch (ConditionalCheckFailedException held) {
            // Held by someone: take it over only once it has expired.
        }
        values.put(":now", number(now));
        values.put(":true", AttributeValue.builder().bool(true).build());
        try {
            return granted(update(take + ", #repair = :true", "#expires < :now AND #owner <> :me", values, ReturnValue.ALL_NEW));
        } catch (ConditionalCheckFailedException live) {
            CatalogState state = state();
            if (owner.equals(state.leaseOwner())) {
                return new LeaseClaim.Granted(new LeaseToken(owner, state.leaseEpoch()), state.repairPending());
            }
            return new LeaseClaim.Busy(state.leaseOwner(), state.leaseExpiresAt());
        }
    }

    /** Extends the lease; the step that calls it may change the catalog. */
    public void renew(LeaseToken token) {
        held(token, "SET #expires = :expires", Map.of());
    }

    /** Marks the holder's counts as being applied: readers keep the last complete counts meanwhile. */
    public void beginApplying(LeaseToken token) {
        held(token, "SET #expires = :expires, #applying = :me", Map.of());
    }

    /**
     * Ends the holder's count changes: the next generation is complete. Readers that see it reload.
     *
     * @return the new generation
     */
    public long publish(LeaseToken token) {
        UpdateItemResponse response = held(token,
                "SET #expires = :expires, #generation = if_not_exists(#generation, :zero) + :one REMOVE #applying",
                Map.of(":zero", ZERO, ":one", ONE));
        return Long.parseLong(response.attributes().get(FilterTable.GENERATION).n());
    }

    /**
     * Records that the snapshot of {@code generation} is published: only while the holder still
     * holds the lease and the catalog is still at that generation, so a change that lost the lease
     * after building its snapshot never points readers at it.
     *
     * @throws CatalogLeaseLostException when the lease is no longer the holder's
     * @throws IllegalStateException     when the catalog has moved to another generation
     */
    public void snapshotPublished(LeaseToken token, long generation) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":me", string(token.owner()));
        values.put(":epoch", number(token.epoch()));
        values.put(":expires", number(clock.millis() + ttl.toMillis()));
        values.put(":generation", number(generation));
        try {
            update("SET #expires = :expires, #snapshot = :generation",
                    "#owner = :me AND #epoch = :epoch AND #generation = :generation", values, ReturnValue.NONE);
        } catch (ConditionalCheckFailedException e) {
            CatalogState state = state();
            if (!token.owner().equals(state.leaseOwner()) || token.epoch() != state.leaseEpoch()) {
                throw new CatalogLeaseLostException(token, state.leaseOwner());
            }
            throw new IllegalStateException("the catalog moved from generation " + generation + " to " + state.generation()
                    + " while " + token + " published its snapshot");
        }
    }

    /** The recount that a take-over requires is done. */
    public void repaired(LeaseToken token) {
        held(token, "SET #expires = :expires REMOVE #repair", Map.of());
    }

    /**
     * Gives the lease back. Releasing twice is harmless.
     *
     * @return false when the lease had already been taken over (nothing was released)
     */
    public boolean release(LeaseToken token) {
        try {
            held(token, "SET #released = :me REMOVE #owner, #expires, #applying", Map.of());
            return true;
        } catch (CatalogLeaseLostException e) {
            return token.owner().equals(state().lastReleasedBy());
        }
    }

    /** The catalog item, read strongly consistently. */
    public CatalogState state() {
        return CatalogState.fromItem(dynamoDb.getItem(b -> b.tableName(filterTable).key(CatalogState.key()).consistentRead(true))
                .item());
    }

    private UpdateItemResponse held(LeaseToken token, String expression, Map<String, AttributeValue> extraValues) {
        Map<String, AttributeValue> values = new HashMap<>(extraValues);
        values.put(":me", string(token.owner()));
        values.put(":epoch", number(token.epoch()));
        values.put(":expires", number(clock.millis() + ttl.toMillis()));
        try {
            return update(expression, "#owner = :me AND #epoch = :epoch", values, ReturnValue.UPDATED_NEW);
        } catch (ConditionalCheckFailedException e) {
            throw new CatalogLeaseLostException(token, state().leaseOwner());
        }
    }

    private UpdateItemResponse update(String expression, String condition, Map<String, AttributeValue> values,
                                      ReturnValue returnValue) {
        Map<String, String> names = new HashMap<>();
        names.put("#owner", FilterTable.LEASE_OWNER);
        names.put("#epoch", FilterTable.LEASE_EPOCH);
        names.put("#expires", FilterTable.LEASE_EXPIRES_AT);
        String named = expression + " " + condition;
        putIfUsed(names, named, "#repair", FilterTable.REPAIR_PENDING);
        putIfUsed(names, named, "#applying", FilterTable.APPLYING);
        putIfUsed(names, named, "#generation", FilterTable.GENERATION);
        putIfUsed(names, named, "#released", FilterTable.LAST_RELEASED_BY);
        putIfUsed(names, named, "#snapshot", FilterTable.SNAPSHOT_GENERATION);
        Map<String, AttributeValue> used = new HashMap<>();
        values.forEach((name, value) -> {
            if (expression.contains(name) || condition.contains(name)) {
                used.put(name, value);
            }
        });
        return dynamoDb.updateItem(UpdateItemRequest.builder()
                .tableName(filterTable)
                .key(CatalogState.key())
                .updateExpression(expression)
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(used)
                .returnValues(returnValue)
                .build());
    }

    private static LeaseClaim.Granted granted(UpdateItemResponse response) {
        CatalogState state = CatalogState.fromItem(response.attributes());
        return new LeaseClaim.Granted(new LeaseToken(state.leaseOwner(), state.leaseEpoch()), state.repairPending());
    }

    private static void putIfUsed(Map<String, String> names, String expression, String placeholder, String attribute) {
        if (expression.contains(placeholder)) {
            names.put(placeholder, attribute);
        }
    }

    private static AttributeValue string(String value) {
        return AttributeValue.builder().s(value).build();
    }

    private static AttributeValue number(long value) {
        return AttributeValue.builder().n(Long.toString(value)).build();
    }
}
