package com.carcatalog.core.config;

import java.time.temporal.ChronoUnit;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.lambda.powertools.parameters.ssm.SSMProvider;

/** SSM Parameter Store through Powertools (its cache lasts five minutes; the names are read when a container starts and after a SnapStart restore, see RestoredState). */
public final class SsmParameterStore implements ParameterStore {

    private static final int MAX_AGE_MINUTES = 5;

    private final SSMProvider provider;

    public SsmParameterStore(SsmClient client) {
        this.provider = SSMProvider.builder().withClient(client).build();
    }

    @Override
    public String get(String name) {
        return provider.withMaxAge(MAX_AGE_MINUTES, ChronoUnit.MINUTES).get(name);
    }
}
