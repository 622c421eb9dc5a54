package org.ordercycle.reference;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ordercycle.testinfra.OrderCycleTestResource;

@QuarkusTest
@WithTestResource(value = OrderCycleTestResource.class, initArgs = @ResourceArg(name = "database", value = "reference"))
class ReferenceAppTest {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void postRowsPersistsOneRowAndSendsOneRecordKeyedByItsId() throws Exception {
        String payload = "row " + UUID.randomUUID();
        String id = given().contentType("application/json").body(Map.of("payload", payload))
                .when().post("/rows")
                .then().statusCode(201).extract().path("id");

        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT payload FROM reference_row WHERE id = ?")) {
            query.setObject(1, UUID.fromString(id));
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).as("row " + id + " persisted").isTrue();
                assertThat(rows.getString(1)).isEqualTo(payload);
            }
        }
        assertThat(recordsKeyed(id)).as("records keyed " + id + " on reference.rows").singleElement()
                .satisfies(value -> assertThat(value).contains(id).contains(payload));
    }

    /** Every record on the topic with this key (the answer came after the broker's ack, so it is there). */
    private List<String> recordsKeyed(String key) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "reference-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of("reference.rows"));
            Instant deadline = Instant.now().plusSeconds(20);
            while (values.isEmpty() && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        values.add(record.value());
                    }
                }
            }
            // a second record with the same key would have arrived in the same polls; poll once more to be sure
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (key.equals(record.key())) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
