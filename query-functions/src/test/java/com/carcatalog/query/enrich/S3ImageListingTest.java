package com.carcatalog.query.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.times;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The paging logic around ListObjectsV2; the real protocol is exercised against s3proxy in CarsHandlerIT. */
class S3ImageListingTest {

    private final S3Client s3 = mock(S3Client.class);
    private final S3ImageListing listing = new S3ImageListing(s3, "static");

    @Test
    void aFolderWithMoreThanOneThousandKeysIsListedPageByPage() {
        when(s3.listObjectsV2(any(ListObjectsV2Request.class)))
                .thenReturn(page(true, "next-1", "BMW/X5/a.png", "BMW/X5/b.png"))
                .thenReturn(page(false, null, "BMW/X5/c.png"));

        assertThat(listing.keys("BMW/X5/")).containsExactly("BMW/X5/a.png", "BMW/X5/b.png", "BMW/X5/c.png");

        ArgumentCaptor<ListObjectsV2Request> requests = ArgumentCaptor.forClass(ListObjectsV2Request.class);
        verify(s3, times(2)).listObjectsV2(requests.capture());
        assertThat(requests.getAllValues()).allSatisfy(request -> {
            assertThat(request.bucket()).isEqualTo("static");
            assertThat(request.prefix()).isEqualTo("BMW/X5/");
            assertThat(request.delimiter()).isEqualTo("/");
        });
        assertThat(requests.getAllValues().get(0).continuationToken()).isNull();
        assertThat(requests.getAllValues().get(1).continuationToken()).isEqualTo("next-1");
    }

    @Test
    void theFolderPlaceholderObjectIsNotAnImage() {
        when(s3.listObjectsV2(any(ListObjectsV2Request.class))).thenReturn(page(false, null, "BMW/X5/", "BMW/X5/a.png"));

        assertThat(listing.keys("BMW/X5/")).containsExactly("BMW/X5/a.png");
    }

    private static ListObjectsV2Response page(boolean truncated, String nextToken, String... keys) {
        return ListObjectsV2Response.builder()
                .isTruncated(truncated)
                .nextContinuationToken(nextToken)
                .contents(List.of(keys).stream().map(key -> S3Object.builder().key(key).build()).toList())
                .build();
    }
}
