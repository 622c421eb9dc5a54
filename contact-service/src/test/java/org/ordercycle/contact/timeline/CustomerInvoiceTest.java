package org.ordercycle.contact.timeline;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.ordercycle.contact.ContactTestResource;

@QuarkusTest
@WithTestResource(ContactTestResource.class)
class CustomerInvoiceTest {

    /**
     * A payment (billing.payments) and a credit note (billing.invoices) reach one invoice in two transactions at once:
     * the later commit is refused — the kit then applies its event again — and never writes back the row it read,
     * undoing the other.
     */
    @Test
    void aPaymentAndACreditNoteAtOnceNeverUndoEachOther() throws Exception {
        UUID invoiceId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> CustomerInvoice.of(invoiceId, "INV-" + invoiceId, UUID.randomUUID(),
                new UUID[] {UUID.randomUUID()}).persist());
        CountDownLatch paymentRead = new CountDownLatch(1);
        CountDownLatch creditCommitted = new CountDownLatch(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<?> payment = thread.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                CustomerInvoice.<CustomerInvoice>findById(invoiceId).pay(new BigDecimal("19.00"));
                paymentRead.countDown();
                try {
                    creditCommitted.await(30, SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(paymentRead.await(30, SECONDS)).isTrue();
            QuarkusTransaction.requiringNew().run(() -> CustomerInvoice.<CustomerInvoice>findById(invoiceId)
                    .credit(new BigDecimal("38.00")));
            creditCommitted.countDown();

            assertThatThrownBy(() -> payment.get(30, SECONDS)).as("the later commit is refused")
                    .hasStackTraceContaining("OptimisticLock");
        } finally {
            thread.shutdownNow();
        }
        CustomerInvoice after = QuarkusTransaction.requiringNew()
                .call(() -> CustomerInvoice.<CustomerInvoice>findById(invoiceId));
        assertThat(after.credited).isEqualByComparingTo("38.00");
        assertThat(after.paid).isEqualByComparingTo("0");
    }
}
