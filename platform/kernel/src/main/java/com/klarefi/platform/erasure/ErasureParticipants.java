package com.klarefi.platform.erasure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every module's share of an erasure; modules register while they are built. */
public final class ErasureParticipants {
    private final List<ErasureParticipant> participants = new CopyOnWriteArrayList<>();

    public void register(ErasureParticipant participant) {
        participants.add(participant);
    }

    public List<ErasureParticipant> all() {
        return List.copyOf(participants);
    }
}
