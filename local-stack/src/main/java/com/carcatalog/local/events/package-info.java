/**
 * S3 event notifications on the local stack: {@link com.carcatalog.local.events.BucketNotifications}
 * hears every object the local S3 stores, matches it against
 * {@link com.carcatalog.local.events.NotificationRule}s and invokes the trigger Lambda's handler
 * in-process with the {@link com.carcatalog.local.events.S3EventMessage} S3 would have sent.
 */
package com.carcatalog.local.events;
