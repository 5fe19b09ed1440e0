package com.klarefi.extraction.api;

/** A rectangle in page units (origin top left), the same units as {@link Word} boxes. */
public record BoundingBox(float x0, float y0, float x1, float y1) {}
