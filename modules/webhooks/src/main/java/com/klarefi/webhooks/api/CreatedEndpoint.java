package com.klarefi.webhooks.api;

/** An endpoint just created or given a new secret: the one moment the secret is shown. */
public record CreatedEndpoint(WebhookEndpoint endpoint, String secret) {}
