package org.ordercycle.contact.consent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import org.ordercycle.contact.party.Parties;

/** Records consents, never overwriting one; the current state of a channel is its latest record. */
@ApplicationScoped
@Transactional
public class ConsentService {

    private final Parties parties;
    private final Clock clock;

    ConsentService(Parties parties, Clock clock) {
        this.parties = parties;
        this.clock = clock;
    }

    public ConsentView.Entry record(UUID partyId, ConsentRequest request, String by) {
        parties.get(partyId);
        ConsentRecord record = ConsentRecord.of(partyId, request, clock.instant(), by);
        record.persist();
        return ConsentView.Entry.from(record);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ConsentView consents(UUID partyId) {
        parties.get(partyId);
        return new ConsentView(ConsentRecord.current(partyId).values().stream().map(ConsentView.Entry::from).toList(),
                ConsentRecord.history(partyId).stream().map(ConsentView.Entry::from).toList());
    }
}
