package com.carcatalog.query.paging;

import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * The Secrets Manager secret that holds the page-token key ({@code PAGE_TOKEN_SECRET}, its ARN or
 * name). {@link #read()} takes the version labelled AWSCURRENT, which signs, and the one labelled
 * AWSPREVIOUS, which a rotation leaves behind and which still verifies; a secret never rotated has
 * no AWSPREVIOUS version, and Secrets Manager answers ResourceNotFoundException for it.
 */
public final class PageTokenSecret {

    static final String CURRENT = "AWSCURRENT";
    static final String PREVIOUS = "AWSPREVIOUS";

    private final SecretsManagerClient client;
    private final String secretId;

    public PageTokenSecret(SecretsManagerClient client, String secretId) {
        this.client = Objects.requireNonNull(client, "client");
        this.secretId = Objects.requireNonNull(secretId, "secretId");
    }

    /**
     * @throws PageTokenSecretException when the current version cannot be read or holds no text,
     *                                  or the previous one cannot be read for another reason than its absence
     */
    public PageTokenKeys read() {
        String current = value(CURRENT);
        String previous;
        try {
            previous = value(PREVIOUS);
        } catch (PageTokenSecretException e) {
            if (e.getCause() instanceof ResourceNotFoundException) {
                return PageTokenKeys.of(current);
            }
            throw e;
        }
        return previous.equals(current) ? PageTokenKeys.of(current) : PageTokenKeys.rotated(current, previous);
    }

    private String value(String stage) {
        GetSecretValueResponse response;
        try {
            response = client.getSecretValue(request -> request.secretId(secretId).versionStage(stage));
        } catch (SdkException e) {
            throw new PageTokenSecretException("cannot read version " + stage + " of the page-token secret " + secretId
                    + " (PAGE_TOKEN_SECRET): " + e.getMessage(), e);
        }
        String value = response.secretString();
        if (value == null || value.isEmpty()) {
            throw new PageTokenSecretException("version " + stage + " of the page-token secret " + secretId
                    + " (PAGE_TOKEN_SECRET) holds no text (SecretString)", null);
        }
        return value;
    }
}
