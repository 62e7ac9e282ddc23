package com.carcatalog.query.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.carcatalog.query.memory.SnapshotLoad;
import com.carcatalog.query.telemetry.InvocationMetrics;
import com.carcatalog.query.telemetry.QueryMetrics;
import java.util.ArrayList;
import java.util.List;

/** Keeps what a handler published, instead of printing EMF. */
public final class RecordingMetrics implements QueryMetrics {

    public final List<InvocationMetrics> published = new ArrayList<>();
    public final List<SnapshotLoad> loads = new ArrayList<>();
    public int coldStartChecks;

    @Override
    public void coldStart(Context context) {
        coldStartChecks++;
    }

    @Override
    public void publish(InvocationMetrics metrics) {
        published.add(metrics);
    }

    @Override
    public void snapshotLoad(SnapshotLoad load) {
        loads.add(load);
    }

    public InvocationMetrics last() {
        return published.get(published.size() - 1);
    }
}
