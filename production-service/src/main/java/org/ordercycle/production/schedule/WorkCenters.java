package org.ordercycle.production.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.ordercycle.kit.api.ProblemException;

/** Work centers and their capacity calendar; a change of capacity replans the work center. */
@ApplicationScoped
@Transactional
public class WorkCenters {

    public record Saved(WorkCenterView workCenter, boolean created) {
    }

    private final Scheduler scheduler;
    private final Clock clock;

    WorkCenters(Scheduler scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    public Saved save(String code, WorkCenterRequest request) {
        WorkCenter center = WorkCenter.lock(code).orElse(null);
        boolean created = center == null;
        if (created) {
            center = WorkCenter.open(code, request, clock.instant());
        } else {
            center.describe(request, clock.instant());
        }
        scheduler.capacityChanged(code, "capacity of work center " + code + " changed");
        return new Saved(view(center), created);
    }

    /** Sets the hours of one calendar day (0: closed) and replans the work center. */
    public WorkCenterView setDay(String code, LocalDate day, CalendarDayRequest request) {
        WorkCenter center = WorkCenter.lock(code).orElseThrow(() -> ProblemException.notFound("work center", code));
        WorkCenterDay.set(code, day, request.hours());
        scheduler.capacityChanged(code, "calendar of work center " + code + " changed on " + day);
        return view(center);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WorkCenterView find(String code) {
        return WorkCenter.<WorkCenter>findByIdOptional(code).map(this::view)
                .orElseThrow(() -> ProblemException.notFound("work center", code));
    }

    /** The capacity plan from this month to the last month with planned work (at least three months). */
    private WorkCenterView view(WorkCenter center) {
        LocalDate today = LocalDate.now(clock);
        CapacityCalendar calendar = CapacityCalendar.of(center, today);
        CapacityCalendar.Plan plan = calendar.plan(WorkOrder.openAt(center.code), today);
        YearMonth first = YearMonth.from(today);
        YearMonth last = plan.committed().keySet().stream().max(YearMonth::compareTo).orElse(first);
        if (last.isBefore(first.plusMonths(2))) {
            last = first.plusMonths(2);
        }
        List<WorkCenterView.Month> months = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            months.add(new WorkCenterView.Month(month, calendar.hoursIn(month),
                    plan.committed().getOrDefault(month, BigDecimal.ZERO)));
        }
        return WorkCenterView.from(center, months);
    }
}
