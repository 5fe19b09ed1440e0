package com.klarefi.extraction.internal.decide;

/**
 * What a page says about one sighting of a value, beside its rule support: the generic signals the
 * learned ranker weighs (see {@link Ranker}). None names a feature, a case type or a template, so
 * the weights carry over to case types and layouts the training corpus does not have.
 */
public enum Clue {
    /** The hand-set rule support of the sighting, in [0, 1]. */
    SUPPORT,
    /** The strongest label of the feature naming the value: relation times similarity. */
    LABEL,
    /** The layout relation of that label to the value (same cell, next cell, below, prose). */
    RELATION,
    /** How similar that label's words are to the feature's labels: 1 as the case type writes it. */
    SIMILARITY,
    /** The strongest label of another feature of the same type naming the value. */
    RIVAL_LABEL,
    /** The strongest label of the context vocabulary naming the value (a due date, a subtotal). */
    CONTEXT_LABEL,
    /** The strongest label that names this feature alone among the features of its type. */
    EXCLUSIVE_LABEL,
    /** 1 when the feature's labels win the value over the rivals', else 0. */
    WINS,
    /** The share a value keeps for its place on the page: less in a letterhead or footer. */
    PLACE,
    /** How sure the recogniser is that the characters are a value of the type at all. */
    STRENGTH,
    /** Support from standing in the zone the feature names (a receipt's header). */
    ZONE,
    /** 1 when a cue's sentence ties the value to a list feature through a joining word. */
    CUE,
    /** 1 when the page was read by OCR. */
    OCR,
    /** The OCR confidence of the value's words; 1 on pages not read by OCR. */
    OCR_CONFIDENCE,
    /** 1 when the value stands in a sentence about a bystander. */
    CONTEXT_SENTENCE,
    /** 1 on a document's first page. */
    FIRST_PAGE,
    /** 1 when the type's recogniser checks its values (an IBAN's checksum): a specific type. */
    SELF_CHECKING,
    /** 1 when the type's values are free text read where a label or zone points (names, places). */
    FREE_TEXT,
    /** 1 when a rival feature of an entity type owns the value over the whole case. */
    OWNED_ELSEWHERE,
    /** 1 when no label at all names the value: a distinctive value (an IBAN) standing alone. */
    UNLABELLED,
    /** 1 when the value is the name a letter or invoice is addressed to, above its address block. */
    ADDRESSEE,
    /**
     * 1 when the page's arithmetic makes the amount a total: the amounts on the lines above add up to
     * it, or a payment below settles it (tendered less change).
     */
    TALLY;

    /** An empty set of clues, one slot per clue. */
    public static double[] none() {
        return new double[values().length];
    }
}
