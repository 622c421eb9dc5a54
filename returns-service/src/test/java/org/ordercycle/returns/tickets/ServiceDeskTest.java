package org.ordercycle.returns.tickets;

import static io.restassured.RestAssured.given;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.ordercycle.returns.Cases.events;
import static org.ordercycle.returns.Cases.post;
import static org.ordercycle.returns.Cases.recordsOf;
import static org.ordercycle.returns.OtherDepartments.customer;
import static org.ordercycle.returns.OtherDepartments.placed;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.ordercycle.events.returns.SatisfactionRecorded;
import org.ordercycle.events.returns.ServiceDebriefRecorded;
import org.ordercycle.events.returns.ServiceTicketClosed;
import org.ordercycle.events.returns.ServiceTicketOpened;
import org.ordercycle.events.returns.TicketType;
import org.ordercycle.returns.TestClock;
import org.ordercycle.kit.testing.TopicClient;
import org.ordercycle.returns.ReturnsTestResource;
import org.ordercycle.returns.customer.Customer;
import org.ordercycle.returns.order.PlacedOrder;
import org.ordercycle.testinfra.TestInfra;

/** The service desk: tickets with SLA, trained technicians only, playbooks, visits, debrief and satisfaction. */
@QuarkusTest
@WithTestResource(ReturnsTestResource.class)
class ServiceDeskTest {

    private static final String SERVICE = TestInfra.jwt().token("sina", Duration.ofHours(1), "service");
    private static final String SALES = TestInfra.jwt().token("sally", Duration.ofHours(1), "sales");

    @Test
    void ticketIsRefusedForAnUntrainedTechnicianAndAcceptedForATrainedOne() {
        UUID customer = knownCustomer("sam");
        UUID order = UUID.randomUUID();
        TopicClient.sendEvent(placed(order, customer, "sally"));
        await().atMost(30, SECONDS).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> PlacedOrder.findById(order) != null));
        String technician = "tom-" + UUID.randomUUID();

        JsonPath opened = as(SERVICE, "/tickets", """
                {"type": "REPAIR", "priority": "HIGH", "orderId": "%s", "subject": "pump leaks"}""".formatted(order))
                .statusCode(201)
                .body("customerId", equalTo(customer.toString()))
                .body("accountOwner", equalTo("sam"))
                .body("salesperson", equalTo("sally"))
                .body("state", equalTo("OPEN"))
                .body("playbook", hasSize(4))
                .extract().jsonPath();
        String id = opened.getString("id");
        assertThat(Duration.between(Instant.parse(opened.getString("openedAt")), Instant.parse(opened.getString("slaDue"))))
                .isEqualTo(Duration.ofHours(24));

        LocalDate today = LocalDate.now();
        as(SERVICE, "/technicians/" + technician + "/trainings", training("INSTALLATION", today.minusDays(10), today.plusYears(1)))
                .statusCode(201).body("current", equalTo(true));
        as(SERVICE, "/technicians/" + technician + "/trainings", training("REPAIR", today.minusYears(2), today.minusYears(1)))
                .statusCode(201).body("current", equalTo(false));
        as(SERVICE, "/tickets/" + id + "/assignment", "{\"technician\": \"" + technician + "\"}")
                .statusCode(422).contentType("application/problem+json")
                .body("detail", containsString(technician + " has no training for REPAIR valid on " + today));
        get(SERVICE, "/tickets/" + id).body("state", equalTo("OPEN")).body("assignee", equalTo(null));

        as(SERVICE, "/technicians/" + technician + "/trainings", training("REPAIR", today.minusDays(3), today.plusYears(2)))
                .statusCode(201);
        as(SERVICE, "/tickets/" + id + "/assignment", "{\"technician\": \"" + technician + "\"}")
                .statusCode(200).body("state", equalTo("ASSIGNED")).body("assignee", equalTo(technician));
        get(SERVICE, "/technicians/" + technician + "/trainings").statusCode(200).body("", hasSize(3))
                .body("findAll { it.current }.ticketType", equalTo(List.of("REPAIR", "INSTALLATION")));

        // The salesperson and the account owner see the ticket.
        get(SALES, "/tickets?person=sally").statusCode(200).body("id", hasItem(id));
        get(SALES, "/tickets?customerId=" + customer).statusCode(200).body("id", hasItem(id));

        List<ConsumerRecord<String, String>> records = recordsOf("returns.service", customer,
                types -> types.contains("ServiceTicketOpened"));
        ServiceTicketOpened event = events(records, ServiceTicketOpened.class).get(0);
        assertThat(event.ticketId()).hasToString(id);
        assertThat(event.orderId()).isEqualTo(order);
        assertThat(event.type()).isEqualTo(TicketType.REPAIR);
        assertThat(event.accountOwner()).isEqualTo("sam");
        assertThat(event.salesperson()).isEqualTo("sally");
        assertThat(event.slaDue()).isEqualTo(Instant.parse(opened.getString("slaDue")));
    }

    @Test
    void ticketPastItsSlaIsFlaggedOverdueUntilClosed() {
        UUID customer = knownCustomer("sam");
        String id = as(SERVICE, "/tickets", """
                {"type": "COMPLAINT", "priority": "URGENT", "customerId": "%s", "subject": "nobody called back"}"""
                .formatted(customer)).statusCode(201).body("overdue", equalTo(false)).extract().path("id");
        get(SERVICE, "/tickets/overdue").statusCode(200).body("id", not(hasItem(id)));
        try {
            TestClock.move(Duration.ofHours(4).plusMinutes(1));
            get(SERVICE, "/tickets/overdue").statusCode(200).body("id", hasItem(id))
                    .body("find { it.id == '" + id + "' }.overdue", equalTo(true));
            get(SERVICE, "/tickets/" + id).body("overdue", equalTo(true));
        } finally {
            TestClock.move(Duration.ZERO);
        }
        get(SERVICE, "/tickets/overdue").body("id", not(hasItem(id)));
    }

    @Test
    void playbookDepartureIsRecordedWithItsNoteAndTheDebriefReachesTheOutgoingTopic() {
        UUID customer = knownCustomer("sam");
        String technician = trainedTechnician("INSTALLATION");
        String id = as(SERVICE, "/tickets", """
                {"type": "INSTALLATION", "customerId": "%s", "subject": "install the new line"}"""
                .formatted(customer)).statusCode(201).body("priority", equalTo("NORMAL")).extract().path("id");
        as(SERVICE, "/tickets/" + id + "/steps", "{\"stepNo\": 1, \"outcome\": \"FOLLOWED\"}").statusCode(409);
        as(SERVICE, "/tickets/" + id + "/assignment", "{\"technician\": \"" + technician + "\"}").statusCode(200);

        as(SERVICE, "/tickets/" + id + "/steps", "{\"stepNo\": 1, \"outcome\": \"FOLLOWED\", \"answer\": \"site ready\"}")
                .statusCode(200).body("playbook[0].outcome", equalTo("FOLLOWED"));
        as(SERVICE, "/tickets/" + id + "/steps", "{\"stepNo\": 2, \"outcome\": \"DEPARTED\"}")
                .statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("note"));
        as(SERVICE, "/tickets/" + id + "/steps", "{\"stepNo\": 9, \"outcome\": \"FOLLOWED\"}").statusCode(422)
                .body("detail", containsString("has no step 9"));
        as(SERVICE, "/tickets/" + id + "/steps", "{\"stepNo\": 1, \"outcome\": \"DEPARTED\", \"note\": \"x\"}").statusCode(409);
        as(SERVICE, "/tickets/" + id + "/steps", """
                {"stepNo": 2, "outcome": "DEPARTED", "answer": "runs at 80 %",
                 "note": "customer's power supply too weak for full load; commissioned at reduced load"}""")
                .statusCode(200)
                .body("playbook[1].outcome", equalTo("DEPARTED"))
                .body("playbook[1].note", containsString("power supply too weak"))
                .body("playbook[1].recordedBy", equalTo("sina"))
                .body("playbook[1].expectedAnswer", equalTo("runs to specification"));
        as(SERVICE, "/tickets/" + id + "/visits", """
                {"technician": "%s", "date": "%s", "durationMinutes": 0}""".formatted(technician, LocalDate.now()))
                .statusCode(400).body("violations.field", hasItem("durationMinutes"));
        as(SERVICE, "/tickets/" + id + "/visits", """
                {"technician": "%s", "date": "%s", "durationMinutes": 150, "note": "installed"}"""
                .formatted(technician, LocalDate.now())).statusCode(200)
                .body("visits[0].durationMinutes", equalTo(150));

        as(SERVICE, "/tickets/" + id + "/close", "{\"resolution\": \"installed\"}").statusCode(400)
                .body("violations.field", hasItem("learnings"));
        get(SERVICE, "/tickets/" + id).body("state", equalTo("ASSIGNED"));
        as(SERVICE, "/tickets/" + id + "/close", """
                {"resolution": "installed at reduced load",
                 "learnings": "plans a second line next spring; needs a stronger power supply first"}""")
                .statusCode(200).body("state", equalTo("CLOSED")).body("closedBy", equalTo("sina"));
        as(SERVICE, "/tickets/" + id + "/visits", """
                {"technician": "%s", "date": "%s", "durationMinutes": 10}""".formatted(technician, LocalDate.now()))
                .statusCode(409);

        as(SERVICE, "/satisfaction", "{\"aboutKind\": \"TICKET\", \"about\": \"%s\", \"score\": 6}".formatted(id))
                .statusCode(400).body("violations.field", hasItem("score"));
        as(SERVICE, "/satisfaction", "{\"aboutKind\": \"RETURN\", \"about\": \"%s\", \"score\": 4}".formatted(id))
                .statusCode(422);
        as(SERVICE, "/satisfaction", """
                {"aboutKind": "TICKET", "about": "%s", "score": 4, "comment": "quick and friendly"}""".formatted(id))
                .statusCode(201).body("customerId", equalTo(customer.toString()));
        as(SERVICE, "/satisfaction", "{\"aboutKind\": \"TICKET\", \"about\": \"%s\", \"score\": 1}".formatted(id))
                .statusCode(409);

        List<ConsumerRecord<String, String>> records = recordsOf("returns.service", customer,
                types -> types.containsAll(List.of("ServiceTicketClosed", "ServiceDebriefRecorded",
                        "SatisfactionRecorded")));
        ServiceDebriefRecorded debrief = events(records, ServiceDebriefRecorded.class).get(0);
        assertThat(debrief.ticketId()).hasToString(id);
        assertThat(debrief.learnings()).isEqualTo("plans a second line next spring; needs a stronger power supply first");
        assertThat(debrief.by()).isEqualTo("sina");
        ServiceTicketClosed closed = events(records, ServiceTicketClosed.class).get(0);
        assertThat(closed.resolution()).isEqualTo("installed at reduced load");
        assertThat(closed.accountOwner()).isEqualTo("sam");
        assertThat(closed.orderId()).isNull();
        SatisfactionRecorded rating = events(records, SatisfactionRecorded.class).get(0);
        assertThat(rating.score()).isEqualTo(4);
        assertThat(rating.aboutKind()).isEqualTo(SatisfactionRecorded.AboutKind.TICKET);
        assertThat(rating.comment()).isEqualTo("quick and friendly");
    }

    @Test
    void playbooksAreRevisedAsAWholeAndOpenTicketsKeepTheirSteps() {
        UUID customer = knownCustomer("sam");
        String before = as(SERVICE, "/tickets", """
                {"type": "MAINTENANCE", "customerId": "%s", "subject": "yearly service"}""".formatted(customer))
                .statusCode(201).extract().path("id");
        given().auth().oauth2(SERVICE).contentType("application/json").body("""
                {"steps": [{"stepNo": 1, "instruction": "a"}, {"stepNo": 1, "instruction": "b"}]}""")
                .put("/playbooks/MAINTENANCE").then().statusCode(400).body("violations.field", hasItem("steps[1].stepNo"));
        given().auth().oauth2(SERVICE).contentType("application/json").body("{\"steps\": [{\"stepNo\": 1}]}")
                .put("/playbooks/MAINTENANCE").then().statusCode(400)
                .body("violations.field", hasItem("steps[0].instruction"));
        given().auth().oauth2(SERVICE).contentType("application/json").body("""
                {"steps": [{"stepNo": 1, "instruction": "Check the filter", "expectedAnswer": "filter clean"},
                           {"stepNo": 2, "instruction": "Check the seals", "expectedAnswer": "no leak"}]}""")
                .put("/playbooks/MAINTENANCE").then().statusCode(200).body("steps", hasSize(2));
        get(SERVICE, "/playbooks/MAINTENANCE").statusCode(200)
                .body("steps.expectedAnswer", equalTo(List.of("filter clean", "no leak")))
                .body("updatedBy", equalTo("sina"));
        get(SERVICE, "/playbooks/GARDENING").statusCode(404).contentType("application/problem+json");

        get(SERVICE, "/tickets/" + before).body("playbook", hasSize(3));
        as(SERVICE, "/tickets", """
                {"type": "MAINTENANCE", "customerId": "%s", "subject": "second service"}""".formatted(customer))
                .statusCode(201).body("playbook.instruction", equalTo(List.of("Check the filter", "Check the seals")));
    }

    @Test
    void badTicketsAndTrainingsAreRefusedAndWriteNothing() {
        UUID customer = knownCustomer("sam");
        as(SERVICE, "/tickets", "{\"customerId\": \"%s\", \"subject\": \"x\"}".formatted(customer)).statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("type"));
        as(SERVICE, "/tickets", "{\"type\": \"REPAIR\", \"subject\": \"x\"}").statusCode(400)
                .body("violations.field", hasItem("orderId"));
        as(SERVICE, "/tickets", "{\"type\": \"REPAIR\", \"customerId\": \"%s\"}".formatted(customer)).statusCode(400)
                .body("violations.field", hasItem("subject"));
        as(SERVICE, "/tickets", "{\"type\": \"REPAIR\", \"orderId\": \"%s\", \"subject\": \"x\"}".formatted(UUID.randomUUID()))
                .statusCode(422).body("detail", containsString("not known to returns"));
        as(SERVICE, "/tickets", "{\"type\": \"REPAIR\", \"customerId\": \"%s\", \"subject\": \"x\"}".formatted(UUID.randomUUID()))
                .statusCode(422).body("detail", containsString("not known to returns"));
        get(SERVICE, "/tickets?customerId=" + customer).statusCode(200).body("", hasSize(0));
        get(SERVICE, "/tickets").statusCode(400);
        get(SERVICE, "/tickets/" + UUID.randomUUID()).statusCode(404).contentType("application/problem+json");
        get(SALES, "/tickets/overdue").statusCode(200);
        as(SALES, "/tickets", "{\"type\": \"REPAIR\", \"customerId\": \"%s\", \"subject\": \"x\"}".formatted(customer))
                .statusCode(403);

        String technician = "una-" + UUID.randomUUID();
        LocalDate today = LocalDate.now();
        as(SERVICE, "/technicians/" + technician + "/trainings", training("REPAIR", today, today.minusDays(1)))
                .statusCode(422).body("detail", containsString("before completedOn"));
        as(SERVICE, "/technicians/" + technician + "/trainings", training("REPAIR", today.plusDays(1), today.plusYears(1)))
                .statusCode(422);
        as(SERVICE, "/technicians/" + technician + "/trainings", "{\"ticketType\": \"REPAIR\", \"what\": \"x\"}")
                .statusCode(400).body("violations.field", hasItem("completedOn"));
        get(SERVICE, "/technicians/" + technician + "/trainings").statusCode(200).body("", hasSize(0));
    }

    private static UUID knownCustomer(String accountOwner) {
        UUID customer = UUID.randomUUID();
        TopicClient.sendEvent(customer(customer, accountOwner));
        await().atMost(30, SECONDS).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Customer.findById(customer) != null));
        return customer;
    }

    private static String trainedTechnician(String type) {
        String technician = "tina-" + UUID.randomUUID();
        as(SERVICE, "/technicians/" + technician + "/trainings",
                training(type, LocalDate.now().minusMonths(1), LocalDate.now().plusYears(1))).statusCode(201);
        return technician;
    }

    private static String training(String type, LocalDate completed, LocalDate validUntil) {
        return """
                {"ticketType": "%s", "what": "%s course", "completedOn": "%s", "validUntil": "%s"}"""
                .formatted(type, type.toLowerCase(), completed, validUntil);
    }

    private static ValidatableResponse as(String token, String path, String body) {
        return post(token, path, body);
    }

    private static ValidatableResponse get(String token, String path) {
        return given().auth().oauth2(token).get(path).then();
    }
}
