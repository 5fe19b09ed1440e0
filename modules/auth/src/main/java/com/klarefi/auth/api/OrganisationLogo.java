package com.klarefi.auth.api;

/** An organisation's logo: a PNG or JPEG image. */
public record OrganisationLogo(String mediaType, byte[] content) {}
