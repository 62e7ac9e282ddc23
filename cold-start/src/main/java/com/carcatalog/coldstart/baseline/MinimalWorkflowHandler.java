package com.carcatalog.coldstart.baseline;

import software.amazon.awssdk.services.sfn.SfnClient;

/** {@link MinimalHandler} with a Step Functions client too, as the ingestion jar's trigger builds one. */
public final class MinimalWorkflowHandler extends MinimalHandler {

    private final SfnClient sfn;

    public MinimalWorkflowHandler() {
        this.sfn = configure(SfnClient.builder(), "SFN").build();
    }

    SfnClient sfn() {
        return sfn;
    }
}
