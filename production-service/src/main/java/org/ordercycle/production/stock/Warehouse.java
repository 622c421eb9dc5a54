package org.ordercycle.production.stock;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/** A place where goods are kept and counted. */
@Entity
public class Warehouse extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    public Instant createdAt;

    /** False for places whose goods cannot be sold (the repair shelf): left out of available-to-promise. */
    public boolean sellable = true;

    /** Where repairable returns wait for the workshop. */
    public static final String REPAIR = "REPAIR";

    static Warehouse open(String code, String name, Instant at) {
        Warehouse warehouse = new Warehouse();
        warehouse.code = code;
        warehouse.name = name;
        warehouse.createdAt = at;
        warehouse.persist();
        return warehouse;
    }

    void rename(String name) {
        this.name = name;
    }

    public static boolean exists(String code) {
        return code != null && findById(code) != null;
    }
}
