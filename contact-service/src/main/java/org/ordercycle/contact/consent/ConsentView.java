package org.ordercycle.contact.consent;

import java.time.Instant;
import java.util.List;

/**
 * A party's consents: the current state per channel (a channel never asked is absent: no consent) and the whole
 * history, oldest first.
 */
public record ConsentView(List<Entry> current, List<Entry> history) {

    public record Entry(Channel channel, boolean granted, LegalBasis legalBasis, String source, Instant recordedAt,
            String recordedBy) {

        static Entry from(ConsentRecord record) {
            return new Entry(record.channel, record.granted, record.legalBasis, record.source, record.recordedAt,
                    record.recordedBy);
        }
    }
}
