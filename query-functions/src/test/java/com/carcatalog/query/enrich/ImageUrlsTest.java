package com.carcatalog.query.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageUrlsTest {

    private final ImageUrls urls = new ImageUrls("https://static.example.com");

    @Test
    void plainKeysAreAppendedToTheBaseUrl() {
        assertThat(urls.urlOf("Alfa-Romeo/Giulia/Highlight-front.png"))
                .isEqualTo("https://static.example.com/Alfa-Romeo/Giulia/Highlight-front.png");
    }

    @Test
    void nonAsciiAndReservedCharactersArePercentEncodedPerSegment() {
        assertThat(urls.urlOf("Škoda/Octavia Combi/a+b&c?.png"))
                .isEqualTo("https://static.example.com/%C5%A0koda/Octavia%20Combi/a%2Bb%26c%3F.png");
    }

    @Test
    void aTrailingSlashOnTheBaseUrlIsNotDoubled() {
        assertThat(new ImageUrls("http://localhost:9000/static/").urlOf("BMW/X5/1.png"))
                .isEqualTo("http://localhost:9000/static/BMW/X5/1.png");
    }

    @Test
    void theDefaultBaseUrlIsTheBucketsVirtualHostedS3Address() {
        assertThat(ImageUrls.bucketBaseUrl("automobile-ecommerce-static-data"))
                .isEqualTo("https://automobile-ecommerce-static-data.s3.amazonaws.com");
    }
}
