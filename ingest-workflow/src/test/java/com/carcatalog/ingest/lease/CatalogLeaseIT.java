package com.carcatalog.ingest.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carcatalog.core.config.AwsClients;
import com.carcatalog.core.config.AwsEndpoints;
import com.carcatalog.core.item.CatalogState;
import com.carcatalog.core.schema.TableDefinitions;
import com.carcatalog.ingest.MutableClock;
import com.carcatalog.local.services.DynaliteServer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The catalog lease on a real filter table (dynalite): conditional updates decide who holds it. */
class CatalogLeaseIT {

    private static final AtomicInteger TABLES = new AtomicInteger();
    private static final Duration TTL = Duration.ofMinutes(15);

    private static DynaliteServer dynalite;
    private static DynamoDbClient dynamoDb;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private CatalogLease lease;

    @BeforeAll
    static void startDynalite() {
        dynalite = DynaliteServer.startInMemory();
        dynamoDb = AwsClients.dynamoDb(AwsEndpoints.local(dynalite.endpoint(), null, null));
    }

    @AfterAll
    static void stopDynalite() {
        dynamoDb.close();
        dynalite.close();
    }

    @BeforeEach
    void freshFilterTable() {
        String table = "filters-" + TABLES.incrementAndGet();
        TableDefinitions.createAndAwaitActive(dynamoDb, TableDefinitions.filterTable(table));
        lease = new CatalogLease(dynamoDb, table, clock, TTL);
    }

    @Test
    void aFreeLeaseIsGrantedWithTheFirstEpochAndHeldUntilReleased() {
        LeaseClaim claim = lease.claim("load-a");

        assertThat(claim).isEqualTo(new LeaseClaim.Granted(new LeaseToken("load-a", 1), false));
        assertThat(lease.claim("load-b")).isEqualTo(new LeaseClaim.Busy("load-a", clock.millis() + TTL.toMillis()));
        assertThat(lease.release(new LeaseToken("load-a", 1))).isTrue();
        assertThat(lease.claim("load-b")).isEqualTo(new LeaseClaim.Granted(new LeaseToken("load-b", 2), false));
    }

    @Test
    void claimingAgainWhileHoldingItConfirmsTheSameToken() {
        lease.claim("load-a");

        assertThat(lease.claim("load-a")).isEqualTo(new LeaseClaim.Granted(new LeaseToken("load-a", 1), false));
    }

    @Test
    void anExpiredLeaseStaysWithItsHolderUntilAnotherChangeTakesItOver() {
        LeaseToken first = granted(lease.claim("load-a"));
        clock.advance(TTL.plusSeconds(1));

        lease.renew(first);
        assertThat(lease.claim("load-b")).isInstanceOf(LeaseClaim.Busy.class);
    }

    @Test
    void aTakeOverAfterExpiryRaisesTheEpochAsksForARecountAndFencesTheOldHolder() {
        LeaseToken first = granted(lease.claim("load-a"));
        clock.advance(TTL.plusSeconds(1));

        LeaseClaim takeOver = lease.claim("load-b");

        assertThat(takeOver).isEqualTo(new LeaseClaim.Granted(new LeaseToken("load-b", 2), true));
        assertThatThrownBy(() -> lease.renew(first)).isInstanceOf(CatalogLeaseLostException.class)
                .hasMessageContaining("load-b holds it now").hasMessageContaining("Upload the file again");
        assertThat(lease.release(first)).isFalse();
        lease.repaired(new LeaseToken("load-b", 2));
        assertThat(lease.state().repairPending()).isFalse();
    }

    @Test
    void publishingRaisesTheGenerationAndEndsTheApplyingMark() {
        LeaseToken token = granted(lease.claim("load-a"));

        lease.beginApplying(token);
        CatalogState applying = lease.state();
        long generation = lease.publish(token);

        assertThat(applying.applying()).isEqualTo("load-a");
        assertThat(applying.generation()).isZero();
        assertThat(generation).isEqualTo(1);
        assertThat(lease.state().isApplying()).isFalse();
        assertThat(lease.state().generation()).isEqualTo(1);
    }

    @Test
    void releasingTwiceIsHarmlessAndLeavesNoApplyingMark() {
        LeaseToken token = granted(lease.claim("load-a"));
        lease.beginApplying(token);

        assertThat(lease.release(token)).isTrue();
        assertThat(lease.release(token)).isTrue();
        assertThat(lease.state().holder()).isEmpty();
        assertThat(lease.state().isApplying()).isFalse();
    }

    private static LeaseToken granted(LeaseClaim claim) {
        assertThat(claim).isInstanceOf(LeaseClaim.Granted.class);
        return ((LeaseClaim.Granted) claim).token();
    }
}
