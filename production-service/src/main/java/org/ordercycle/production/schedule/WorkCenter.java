package org.ordercycle.production.schedule;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.ordercycle.events.Money;

/**
 * Where make-to-order products are made: how many hours it works a day unless its calendar says otherwise, how much
 * overtime it can add per day, and what an overtime hour costs.
 */
@Entity
public class WorkCenter extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    public BigDecimal hoursPerDay;

    public BigDecimal overtimeHoursPerDay;

    public BigDecimal overtimeRate;

    public String currency;

    public Instant changedAt;

    static WorkCenter open(String code, WorkCenterRequest request, Instant at) {
        WorkCenter center = new WorkCenter();
        center.code = code;
        center.describe(request, at);
        center.persist();
        return center;
    }

    void describe(WorkCenterRequest request, Instant at) {
        name = request.name();
        hoursPerDay = request.hoursPerDay();
        overtimeHoursPerDay = request.overtimeHoursPerDay() == null ? BigDecimal.ZERO : request.overtimeHoursPerDay();
        overtimeRate = request.overtimeRate() == null ? BigDecimal.ZERO : request.overtimeRate().amount();
        currency = request.overtimeRate() == null ? "EUR" : request.overtimeRate().currency();
        changedAt = at;
    }

    /** The work center, its row locked: every change of its schedule is serialised on it. */
    static Optional<WorkCenter> lock(String code) {
        return Optional.ofNullable(findById(code, LockModeType.PESSIMISTIC_WRITE));
    }

    Money overtimeCost(BigDecimal hours) {
        return new Money(overtimeRate.multiply(hours).setScale(2, java.math.RoundingMode.HALF_UP), currency);
    }
}
