package com.klarefi.platform.erasure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every module's share of an erasure; modules register while they are built. */
public final class ErasureParticipants {
    private final List<ErasureParticipant> participants = new CopyOnWriteArrayList<>();
    private volatile ErasedDocuments erased = ErasedDocuments.NONE;

    public void register(ErasureParticipant participant) {
        participants.add(participant);
    }

    public List<ErasureParticipant> all() {
        return List.copyOf(participants);
    }

    /** The erasure module registers its receipts here once it is built. */
    public void registerErasedDocuments(ErasedDocuments documents) {
        erased = documents;
    }

    /** Looks up erasures at call time, so a module built before the erasure module sees them too. */
    public ErasedDocuments erasedDocuments() {
        return (caller, docId) -> erased.find(caller, docId);
    }
}
