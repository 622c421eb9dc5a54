package org.ordercycle.systemtests;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ordercycle.launcher.Department;
import org.ordercycle.launcher.ServiceProcess;
import org.ordercycle.systemtests.CycleApi.Line;

/**
 * A hundred orders through the cycle while billing is killed with SIGKILL twice — once while shipments pour in,
 * once while refunds are being asked for — and started again: every shipment is invoiced exactly once, at the
 * agreed price, with gap-free numbers, and every refund is paid once.
 */
class CycleUnderFaultsIT {

    private static final int ORDERS = 100;
    private static final int RETURNS = 20;

    private static CycleApi api;

    @BeforeAll
    static void suite() {
        api = CycleApi.onSharedSuite();
    }

    @Test
    void killingBillingMidFlowNeitherLosesNorDoublesAnInvoiceOrARefund() {
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String sku = "LOAD-" + run;
        UUID customer = api.registerCustomer("Load Test " + run, "0", 30);
        api.defineProduct(sku, "Load widget", "4.00", 2);
        api.receiveStock(sku, String.valueOf(3 * ORDERS));
        api.setPrice(sku, "10.00", "19");

        long started = System.nanoTime();
        List<UUID> orders = new ArrayList<>();
        Map<UUID, Integer> quantities = new HashMap<>();
        for (int i = 0; i < ORDERS; i++) {
            int quantity = i % 3 + 1;
            UUID order = UUID.fromString(api.placeOrderOnceKnown(customer, List.of(Line.of(sku, String.valueOf(quantity))),
                    null).getString("id"));
            orders.add(order);
            quantities.put(order, quantity);
        }
        ServiceProcess billing = SharedSuite.get().service(Department.BILLING);
        List<UUID> shipments = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            if (i == ORDERS / 3) {
                billing.kill();
            }
            if (i == 2 * ORDERS / 3) {
                restart(billing);
            }
            UUID order = orders.get(i);
            shipments.add(api.shipOnceReserved(order, List.of(Line.of(1, String.valueOf(quantities.get(order))))));
        }
        await().atMost(120, SECONDS).pollInterval(Duration.ofSeconds(1))
                .until(() -> api.invoices(customer, false).getList("$").size() >= ORDERS);

        List<UUID> returns = new ArrayList<>();
        for (int i = 0; i < RETURNS; i++) {
            returns.add(api.requestReturnOnceShipped(orders.get(i), List.of(Line.of(1, "1")), "load test"));
        }
        for (int i = 0; i < RETURNS; i++) {
            if (i == RETURNS / 2) {
                billing.kill();
                restart(billing);
            }
            api.receiveReturn(returns.get(i), Map.of(1, "RESELLABLE"));
        }
        await().atMost(120, SECONDS).pollInterval(Duration.ofSeconds(1)).until(() -> returns.stream()
                .allMatch(id -> "CLOSED".equals(api.returnCase(id).getString("state"))));
        System.out.printf("%d orders shipped, invoiced, %d returned and refunded, billing killed twice: %.1f s%n",
                ORDERS, RETURNS, (System.nanoTime() - started) / 1e9);

        // Every shipment invoiced exactly once, at the agreed price, with gap-free numbers.
        JsonPath invoices = api.invoices(customer, false);
        assertThat(invoices.getList("shipmentId", String.class)).as("one invoice per shipment")
                .containsExactlyInAnyOrderElementsOf(shipments.stream().map(UUID::toString).toList());
        for (int i = 0; i < ORDERS; i++) {
            String order = orders.get(i).toString();
            BigDecimal gross = new BigDecimal(invoices.getString("find { it.orderId == '" + order + "' }.gross.amount"));
            assertThat(gross).as("invoice of order " + i).isEqualByComparingTo(
                    new BigDecimal("11.90").multiply(BigDecimal.valueOf(quantities.get(orders.get(i)))));
        }
        List<Integer> numbers = invoices.getList("number", String.class).stream()
                .map(number -> Integer.parseInt(number.substring(number.lastIndexOf('-') + 1))).sorted().toList();
        assertThat(numbers.get(numbers.size() - 1) - numbers.get(0)).as("no gaps between " + numbers)
                .isEqualTo(ORDERS - 1);

        // Every refund paid once: one credit note per return, of one unit at 11.90.
        JsonPath creditNotes = api.creditNotes(customer);
        assertThat(creditNotes.getList("returnId", String.class)).as("one credit note per return")
                .containsExactlyInAnyOrderElementsOf(returns.stream().map(UUID::toString).toList());
        for (UUID returned : returns) {
            JsonPath returnCase = api.returnCase(returned);
            assertThat(new BigDecimal(returnCase.getString("refundPaid.amount"))).isEqualByComparingTo("11.90");
        }
        await().atMost(60, SECONDS).untilAsserted(() -> assertThat(api.order(orders.get(0)).getString("status"))
                .isEqualTo("REFUNDED"));
    }

    private static void restart(ServiceProcess service) {
        service.start();
        service.awaitReady(Duration.ofMinutes(2));
    }
}
