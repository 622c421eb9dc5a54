package org.ordercycle.events;

import static java.util.function.Function.identity;
import static java.util.stream.Collectors.toUnmodifiableMap;
import static org.ordercycle.events.Topic.BILLING_INVOICES;
import static org.ordercycle.events.Topic.BILLING_PAYMENTS;
import static org.ordercycle.events.Topic.CONTACT_CUSTOMERS;
import static org.ordercycle.events.Topic.PRODUCTION_AVAILABILITY;
import static org.ordercycle.events.Topic.PRODUCTION_CAPACITY;
import static org.ordercycle.events.Topic.PRODUCTION_SCHEDULE;
import static org.ordercycle.events.Topic.PRODUCTION_SHIPMENTS;
import static org.ordercycle.events.Topic.RETURNS_CASES;
import static org.ordercycle.events.Topic.RETURNS_SERVICE;
import static org.ordercycle.events.Topic.SALES_FORECASTS;
import static org.ordercycle.events.Topic.SALES_ORDERS;
import static org.ordercycle.events.Topic.SALES_QUOTES;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ordercycle.events.billing.CreditNoteIssued;
import org.ordercycle.events.billing.DunningNoticeIssued;
import org.ordercycle.events.billing.InvoiceIssued;
import org.ordercycle.events.billing.InvoiceOverdue;
import org.ordercycle.events.billing.PaymentReceived;
import org.ordercycle.events.billing.RefundPaid;
import org.ordercycle.events.contact.CustomerChanged;
import org.ordercycle.events.contact.CustomerErased;
import org.ordercycle.events.contact.CustomerRegistered;
import org.ordercycle.events.production.AvailabilityChanged;
import org.ordercycle.events.production.CapacityPlanPublished;
import org.ordercycle.events.production.ExpediteAnswered;
import org.ordercycle.events.production.OrderBackordered;
import org.ordercycle.events.production.OrderScheduled;
import org.ordercycle.events.production.ReservationFailed;
import org.ordercycle.events.production.ScheduleChanged;
import org.ordercycle.events.production.ShipmentDelivered;
import org.ordercycle.events.production.ShipmentDispatched;
import org.ordercycle.events.production.StockReserved;
import org.ordercycle.events.returns.PickupScheduled;
import org.ordercycle.events.returns.RefundRequested;
import org.ordercycle.events.returns.ReplacementRequested;
import org.ordercycle.events.returns.ReturnAuthorized;
import org.ordercycle.events.returns.ReturnClosed;
import org.ordercycle.events.returns.ReturnReceived;
import org.ordercycle.events.returns.ReturnRejected;
import org.ordercycle.events.returns.ReturnRequested;
import org.ordercycle.events.returns.SatisfactionRecorded;
import org.ordercycle.events.returns.ServiceDebriefRecorded;
import org.ordercycle.events.returns.ServiceTicketClosed;
import org.ordercycle.events.returns.ServiceTicketOpened;
import org.ordercycle.events.sales.ExpediteRequested;
import org.ordercycle.events.sales.ForecastSubmitted;
import org.ordercycle.events.sales.OrderAccepted;
import org.ordercycle.events.sales.OrderAmended;
import org.ordercycle.events.sales.OrderCancelled;
import org.ordercycle.events.sales.OrderDeclined;
import org.ordercycle.events.sales.OrderOnHold;
import org.ordercycle.events.sales.OrderPlaced;
import org.ordercycle.events.sales.OrderReleased;
import org.ordercycle.events.sales.OrderStalled;
import org.ordercycle.events.sales.QuoteAccepted;
import org.ordercycle.events.sales.QuoteDeclined;
import org.ordercycle.events.sales.QuoteIssued;

/**
 * Every event type of OrderCycle and the topic it travels on, as listed in EVENTS.md. Written out by hand
 * rather than scanned: adding an event to the published language is a decision, and this list is where it
 * is made. An event's name is its record's simple name and travels as the CloudEvents {@code ce_type}.
 */
public final class EventCatalog {

    private static final List<EventType<?>> ALL = List.of(
            type(CustomerRegistered.class, CONTACT_CUSTOMERS),
            type(CustomerChanged.class, CONTACT_CUSTOMERS),
            type(CustomerErased.class, CONTACT_CUSTOMERS),

            type(QuoteIssued.class, SALES_QUOTES),
            type(QuoteAccepted.class, SALES_QUOTES),
            type(QuoteDeclined.class, SALES_QUOTES),

            type(OrderPlaced.class, SALES_ORDERS),
            type(OrderOnHold.class, SALES_ORDERS),
            type(OrderReleased.class, SALES_ORDERS),
            type(OrderAccepted.class, SALES_ORDERS),
            type(OrderAmended.class, SALES_ORDERS),
            type(OrderDeclined.class, SALES_ORDERS),
            type(ExpediteRequested.class, SALES_ORDERS),
            type(OrderCancelled.class, SALES_ORDERS),
            type(OrderStalled.class, SALES_ORDERS),

            type(ForecastSubmitted.class, SALES_FORECASTS),

            type(AvailabilityChanged.class, PRODUCTION_AVAILABILITY),

            type(CapacityPlanPublished.class, PRODUCTION_CAPACITY),

            type(StockReserved.class, PRODUCTION_SCHEDULE),
            type(OrderBackordered.class, PRODUCTION_SCHEDULE),
            type(ReservationFailed.class, PRODUCTION_SCHEDULE),
            type(OrderScheduled.class, PRODUCTION_SCHEDULE),
            type(ScheduleChanged.class, PRODUCTION_SCHEDULE),
            type(ExpediteAnswered.class, PRODUCTION_SCHEDULE),

            type(ShipmentDispatched.class, PRODUCTION_SHIPMENTS),
            type(ShipmentDelivered.class, PRODUCTION_SHIPMENTS),

            type(InvoiceIssued.class, BILLING_INVOICES),
            type(InvoiceOverdue.class, BILLING_INVOICES),
            type(DunningNoticeIssued.class, BILLING_INVOICES),
            type(CreditNoteIssued.class, BILLING_INVOICES),

            type(PaymentReceived.class, BILLING_PAYMENTS),
            type(RefundPaid.class, BILLING_PAYMENTS),

            type(ReturnRequested.class, RETURNS_CASES),
            type(ReturnAuthorized.class, RETURNS_CASES),
            type(ReturnRejected.class, RETURNS_CASES),
            type(PickupScheduled.class, RETURNS_CASES),
            type(ReturnReceived.class, RETURNS_CASES),
            type(RefundRequested.class, RETURNS_CASES),
            type(ReplacementRequested.class, RETURNS_CASES),
            type(ReturnClosed.class, RETURNS_CASES),

            type(ServiceTicketOpened.class, RETURNS_SERVICE),
            type(ServiceTicketClosed.class, RETURNS_SERVICE),
            type(ServiceDebriefRecorded.class, RETURNS_SERVICE),
            type(SatisfactionRecorded.class, RETURNS_SERVICE));

    // Building the maps fails on a duplicate name or class, so a mistake above stops the first use.
    private static final Map<Class<?>, EventType<?>> BY_CLASS =
            ALL.stream().collect(toUnmodifiableMap(EventType::javaType, identity()));
    private static final Map<String, EventType<?>> BY_NAME =
            ALL.stream().collect(toUnmodifiableMap(EventType::name, identity()));

    private EventCatalog() {
    }

    /** All event types, grouped by topic in the order of EVENTS.md. */
    public static List<EventType<?>> all() {
        return ALL;
    }

    /** The type of an event record; throws {@link IllegalArgumentException} for a class not in the catalog. */
    @SuppressWarnings("unchecked")
    public static <E extends Event> EventType<E> of(Class<E> type) {
        EventType<?> eventType = BY_CLASS.get(type);
        if (eventType == null) {
            throw new IllegalArgumentException(type.getName() + " is not in the event catalog");
        }
        return (EventType<E>) eventType;
    }

    /** The type with this name (a {@code ce_type}); empty for a type this version does not know. */
    public static Optional<EventType<?>> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The types that travel on a topic. */
    public static List<EventType<?>> on(Topic topic) {
        return ALL.stream().filter(type -> type.topic() == topic).toList();
    }

    private static <E extends Event> EventType<E> type(Class<E> javaType, Topic topic) {
        return new EventType<>(javaType.getSimpleName(), javaType, topic);
    }
}
