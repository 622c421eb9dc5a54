package org.ordercycle.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The one row a request persists. */
@Entity
@Table(name = "reference_row")
public class ReferenceRow extends PanacheEntityBase {

    @Id
    public UUID id;
    public String payload;
    public Instant createdAt;

    protected ReferenceRow() {
    }

    static ReferenceRow of(String payload) {
        ReferenceRow row = new ReferenceRow();
        row.id = UUID.randomUUID();
        row.payload = payload;
        row.createdAt = Instant.now();
        return row;
    }
}
