package org.ordercycle.billing.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.time.LocalDate;
import org.ordercycle.billing.BillingConfig;
import org.ordercycle.billing.credit.CustomerCredit;
import org.ordercycle.billing.customer.Customer;
import org.ordercycle.billing.dunning.Dispute;
import org.ordercycle.billing.invoice.InvoiceStatus;
import org.ordercycle.events.Address;
import org.ordercycle.billing.invoice.Invoice;
import org.ordercycle.events.Money;
import org.ordercycle.events.billing.Allocation;
import org.ordercycle.events.billing.PaymentReceived;
import org.ordercycle.kit.api.ProblemException;
import org.ordercycle.kit.outbox.Outbox;

/** Takes customers' payments and applies them to their invoices. */
@ApplicationScoped
@Transactional
public class PaymentService {

    private final Outbox outbox;
    private final Clock clock;
    private final BillingConfig config;

    PaymentService(Outbox outbox, Clock clock, BillingConfig config) {
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    /**
     * Applies the caller's allocations, then the rest to the oldest open invoices (by due date, then number); the
     * leftover is the customer's credit. A request that breaks a rule is a 422 and changes nothing.
     */
    public PaymentView record(PaymentRequest request, String by) {
        UUID customerId = request.customerId();
        // Locked in one order (due date, number) by every payment of the customer: concurrent payments queue up.
        List<Invoice> open = Invoice.openOfCustomerLocked(customerId);
        String currency = currencyOf(customerId);
        BigDecimal amount = request.amount().amount().setScale(2);
        if (!currency.equals(request.amount().currency())) {
            throw ProblemException.unprocessable("Currency differs", "the payment is in "
                    + request.amount().currency() + ", customer " + customerId + " is invoiced in " + currency);
        }
        Map<UUID, BigDecimal> allocations = new LinkedHashMap<>();
        BigDecimal rest = amount;
        for (PaymentRequest.AllocationRequest requested : request.allocationsOrNone()) {
            Invoice invoice = open.stream().filter(candidate -> candidate.id.equals(requested.invoiceId())).findFirst()
                    .orElseGet(() -> Invoice.findById(requested.invoiceId()));
            BigDecimal part = requested.amount().setScale(2);
            refuseUnless(invoice != null, "Unknown invoice", "invoice " + requested.invoiceId() + " does not exist");
            refuseUnless(invoice.customerId.equals(customerId), "Another customer's invoice",
                    "invoice " + invoice.number + " is not an invoice of customer " + customerId);
            refuseUnless(!allocations.containsKey(invoice.id), "Invoice named twice",
                    "invoice " + invoice.number + " is named in more than one allocation");
            refuseUnless(part.compareTo(invoice.open()) <= 0, "More than open",
                    "the allocation of " + part + " to invoice " + invoice.number + " is more than its open "
                            + invoice.open());
            refuseUnless(part.compareTo(rest) <= 0, "Allocations above the payment",
                    "the allocations add up to more than the payment of " + amount);
            invoice.allocate(part);
            allocations.put(invoice.id, part);
            rest = rest.subtract(part);
        }
        for (Invoice invoice : open) {
            if (rest.signum() == 0) {
                break;
            }
            BigDecimal part = rest.min(invoice.open());
            if (part.signum() > 0) {
                invoice.allocate(part);
                allocations.merge(invoice.id, part, BigDecimal::add);
                rest = rest.subtract(part);
            }
        }
        Payment payment = Payment.receive(customerId, amount, currency, allocations, by, clock.instant());
        outbox.publish(new PaymentReceived(UUID.randomUUID(), payment.receivedAt, payment.id, customerId,
                new Money(amount, currency),
                payment.allocations.stream().map(a -> new Allocation(a.invoiceId, new Money(a.amount, currency)))
                        .toList(),
                by));
        return PaymentView.from(payment);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PaymentView> find(UUID id) {
        return Payment.<Payment>findByIdOptional(id).map(PaymentView::from);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OpenItemsView openItems(UUID customerId) {
        List<Invoice> invoices = Invoice.list("customerId = ?1 and status = ?2 order by dueDate, number",
                customerId, InvoiceStatus.OPEN);
        Customer customer = Customer.findById(customerId);
        if (customer == null && Invoice.count("customerId", customerId) == 0
                && Payment.count("customerId", customerId) == 0) {
            throw ProblemException.notFound("customer", customerId);
        }
        List<OpenItemsView.Item> items = items(invoices);
        BigDecimal totalOpen = items.stream().map(OpenItemsView.Item::open)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new OpenItemsView(customerId, knownCurrencyOf(customerId).orElse(null), items,
                Payment.creditOf(customerId).add(CustomerCredit.remainingOf(customerId)), totalOpen,
                OpenItemsView.Ageing.of(items), customerData(customer));
    }

    /** Every customer with open invoices, by total open (largest first), with its ageing: the accounting list. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OpenItemsView.Summary> openItemsOfAll() {
        List<Invoice> open = Invoice.list("status = ?1 order by customerId, dueDate, number", InvoiceStatus.OPEN);
        Map<UUID, List<Invoice>> byCustomer = new LinkedHashMap<>();
        open.forEach(invoice -> byCustomer.computeIfAbsent(invoice.customerId, id -> new java.util.ArrayList<>())
                .add(invoice));
        return byCustomer.entrySet().stream().map(entry -> {
            List<OpenItemsView.Item> items = items(entry.getValue());
            Customer customer = Customer.findById(entry.getKey());
            return new OpenItemsView.Summary(entry.getKey(), customer == null ? null : customer.name,
                    entry.getValue().get(0).currency, items.size(),
                    items.stream().map(OpenItemsView.Item::open).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add),
                    OpenItemsView.Ageing.of(items));
        }).sorted(java.util.Comparator.comparing(OpenItemsView.Summary::totalOpen).reversed()).toList();
    }

    private List<OpenItemsView.Item> items(List<Invoice> invoices) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), config.company().timeZone());
        return invoices.stream().map(invoice -> new OpenItemsView.Item(invoice.id, invoice.number, invoice.dueDate,
                invoice.gross, invoice.paid, invoice.open(), (int) Math.max(0,
                        java.time.temporal.ChronoUnit.DAYS.between(invoice.dueDate, today)),
                invoice.dunningLevel, Dispute.anyOpen(invoice.orderIds()))).toList();
    }

    private static OpenItemsView.CustomerData customerData(Customer customer) {
        if (customer == null) {
            return null;
        }
        Address address = customer.street == null && customer.city == null ? null
                : new Address(customer.street, customer.postalCode, customer.city, customer.region, customer.country);
        return new OpenItemsView.CustomerData(customer.name, customer.classification, customer.email, customer.phone,
                address, customer.vatId, customer.paymentTermDays, customer.discountPercent, customer.creditLimit);
    }

    private static String currencyOf(UUID customerId) {
        return knownCurrencyOf(customerId).orElseThrow(() -> ProblemException.unprocessable("Unknown customer",
                "customer " + customerId + " has no invoices and is not known to billing (yet)"));
    }

    /** The customer's currency from contact; for a customer billing only knows from its invoices, theirs. */
    private static Optional<String> knownCurrencyOf(UUID customerId) {
        Customer customer = Customer.findById(customerId);
        if (customer != null && customer.currency != null) {
            return Optional.of(customer.currency);
        }
        return Invoice.<Invoice>find("customerId", customerId).firstResultOptional().map(invoice -> invoice.currency)
                .or(() -> Payment.<Payment>find("customerId", customerId).firstResultOptional()
                        .map(payment -> payment.currency));
    }

    private static void refuseUnless(boolean rule, String title, String detail) {
        if (!rule) {
            throw ProblemException.unprocessable(title, detail);
        }
    }
}
