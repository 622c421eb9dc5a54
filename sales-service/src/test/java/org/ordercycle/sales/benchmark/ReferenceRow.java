package org.ordercycle.sales.benchmark;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The reference's one row per request. */
@Entity
@Table(name = "benchmark_reference_row")
public class ReferenceRow extends PanacheEntityBase {

    @Id
    public UUID id;

    public String payload;

    public Instant createdAt;
}
