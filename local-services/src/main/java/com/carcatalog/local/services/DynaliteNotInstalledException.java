package com.carcatalog.local.services;

/**
 * Thrown when the patched dynalite that the build installs under {@code local-services/node} cannot be
 * found. The message says where it looked and which command installs it.
 */
public final class DynaliteNotInstalledException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    DynaliteNotInstalledException(String message) {
        super(message);
    }
}
