package com.carcatalog.query.paging;

/**
 * The page-token secret named by {@code PAGE_TOKEN_SECRET} cannot be read. At container start (and
 * after a SnapStart restore) it stops the function from serving: it must never sign with a key
 * other than the stack's.
 */
public final class PageTokenSecretException extends RuntimeException {

    PageTokenSecretException(String message, Throwable cause) {
        super(message, cause);
    }
}
