package org.ordercycle.returns.satisfaction;

import java.time.Instant;
import java.util.UUID;
import org.ordercycle.events.returns.SatisfactionRecorded.AboutKind;

public record SatisfactionView(UUID id, UUID about, AboutKind aboutKind, UUID customerId, int score, String comment,
        String recordedBy, Instant recordedAt) {

    static SatisfactionView from(Satisfaction satisfaction) {
        return new SatisfactionView(satisfaction.id, satisfaction.about, satisfaction.aboutKind,
                satisfaction.customerId, satisfaction.score, satisfaction.comment, satisfaction.recordedBy,
                satisfaction.recordedAt);
    }
}
