package com.klarefi.platform.erasure;

import com.klarefi.platform.http.Environment;

/** The document being erased, and the case it belonged to. */
public record ErasureTarget(String orgId, Environment environment, String docId, String caseId, String auditId) {}
