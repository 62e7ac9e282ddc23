package com.carcatalog.query.telemetry;

import com.amazonaws.services.lambda.runtime.Context;
import com.carcatalog.query.memory.SnapshotLoad;

/**
 * Where the query functions' metrics go: CloudWatch EMF through Powertools on AWS (and on the
 * local stack, to stdout), nowhere when disabled (tests). Publishing never fails a request.
 */
public interface QueryMetrics {

    /** CloudWatch namespace of all catalog metrics. */
    String NAMESPACE = "CarCatalog";

    /** Called first in every invocation; records the cold start on a container's first one. */
    void coldStart(Context context);

    /** Publishes one invocation's numbers. */
    void publish(InvocationMetrics metrics);

    /** Publishes the outcome of loading a snapshot into memory (at start or on a request). */
    default void snapshotLoad(SnapshotLoad load) {
    }

    /** Metrics that go nowhere. */
    static QueryMetrics disabled() {
        return new QueryMetrics() {
            @Override
            public void coldStart(Context context) {
            }

            @Override
            public void publish(InvocationMetrics metrics) {
            }
        };
    }
}
