package org.ordercycle.contact.consent;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One statement about a channel: granted or withdrawn, on which legal basis, from which source, when. Never changed
 * after it is written: the latest record of a channel is its current state, the earlier ones its history.
 */
@Entity
public class ConsentRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Recording order, for records of the same moment (set by the database). */
    @Column(insertable = false, updatable = false)
    public Long seq;

    public UUID partyId;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    public boolean granted;

    @Enumerated(EnumType.STRING)
    public LegalBasis legalBasis;

    public String source;

    public Instant recordedAt;

    public String recordedBy;

    static ConsentRecord of(UUID partyId, ConsentRequest request, Instant at, String by) {
        ConsentRecord record = new ConsentRecord();
        record.id = UUID.randomUUID();
        record.partyId = partyId;
        record.channel = request.channel();
        record.granted = request.granted();
        record.legalBasis = request.legalBasis();
        record.source = request.source().strip();
        record.recordedAt = at;
        record.recordedBy = by;
        return record;
    }

    /** The party's records, oldest first. */
    static List<ConsentRecord> history(UUID partyId) {
        return list("partyId = ?1 order by recordedAt, seq", partyId);
    }

    /** The latest record per channel. */
    static Map<Channel, ConsentRecord> current(UUID partyId) {
        Map<Channel, ConsentRecord> current = new LinkedHashMap<>();
        history(partyId).forEach(record -> current.put(record.channel, record));
        return current;
    }
}
