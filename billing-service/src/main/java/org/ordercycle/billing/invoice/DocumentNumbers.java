package org.ordercycle.billing.invoice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * Legal document numbers, gap-free per series and year: {@code INV-2026-000001}, {@code CN-2026-000001}.
 * The year's counter row stays locked until the caller's transaction ends, so numbers are taken one transaction
 * after the other and a rolled-back document gives its number back.
 */
@ApplicationScoped
public class DocumentNumbers {

    private final EntityManager entityManager;

    DocumentNumbers(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public String next(String series, int year) {
        // One round trip: the year's first number creates the row, every later one counts on under its row lock.
        Number last = (Number) entityManager.createNativeQuery("""
                        insert into document_counter (series, year, last) values (?1, ?2, 1)
                        on conflict (series, year) do update set last = document_counter.last + 1
                        returning last""")
                .setParameter(1, series).setParameter(2, year).getSingleResult();
        return format(series, year, last.intValue());
    }

    /**
     * The next {@code count} numbers of the series, in one round trip ({@code last = last + count}): the same row
     * lock until the caller's transaction ends, so the block is gap-free and a rollback gives all of it back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> nextBlock(String series, int year, int count) {
        if (count == 0) {
            return List.of();
        }
        Number last = (Number) entityManager.createNativeQuery("""
                        insert into document_counter (series, year, last) values (?1, ?2, ?3)
                        on conflict (series, year) do update set last = document_counter.last + ?3
                        returning last""")
                .setParameter(1, series).setParameter(2, year).setParameter(3, count).getSingleResult();
        List<String> numbers = new ArrayList<>(count);
        for (int number = last.intValue() - count + 1; number <= last.intValue(); number++) {
            numbers.add(format(series, year, number));
        }
        return numbers;
    }

    private static String format(String series, int year, int number) {
        return "%s-%d-%06d".formatted(series, year, number);
    }
}
