package com.klarefi.cases.api;

import com.klarefi.platform.module.KlarefiModule;

/**
 * The cases module as the composition root holds it: every role at once. Other modules depend on
 * the one role they need ({@link CaseDocuments}, {@link CaseFeatures}, {@link CaseEventLog},
 * {@link CaseErasure}, {@link CaseQueries}), so a test fakes only that.
 */
public interface Cases extends KlarefiModule, CaseDocuments, CaseFeatures, CaseEventLog, CaseErasure, CaseQueries {}
